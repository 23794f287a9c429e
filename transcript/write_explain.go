package transcript

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// explainWidth is the number of runes of a sentence's text that an
// explanation quotes.
const explainWidth = 60

// writeExplanation writes the explanation of turn i, which has one, as
// lines that start with indent: a line for the turn,
//
//	turn 4 guest [696,1357) confidence 0.636 — switch +2.105, margin 3.890; cues: after-question, answer-opener
//
// ("start, margin 0.104" for the first turn, which follows no change of
// speaker), then a line per sentence with its span, score, posterior
// probability of the turn's role, question score, the start of its text
// and its cues:
//
//	[696,742)    score -0.995  p 0.961  q 0    "Yeah, so, honestly it was kind of an accident."  after-question, answer-opener
//
// k is the noise cursor of [Transcript.text] for the turn's first sentence;
// writeExplanation returns the one for the next turn's.
func (t *Transcript) writeExplanation(bw *bufio.Writer, i int, indent string, k int) int {
	tu := &t.Turns[i]
	x := tu.Explanation
	var b []byte
	b = append(b, indent...)
	b = append(b, "turn "...)
	b = strconv.AppendInt(b, int64(tu.Index), 10)
	b = append(b, ' ')
	b = append(b, roleName(tu.Role)...)
	b = append(b, ' ')
	b = appendSpan(b, tu.Span)
	b = append(b, " confidence "...)
	b = strconv.AppendFloat(b, tu.Confidence, 'f', 3, 64)
	if i == 0 {
		b = append(b, " — start, margin "...)
	} else {
		b = append(b, " — switch "...)
		b = appendSigned(b, x.Switch)
		b = append(b, ", margin "...)
	}
	b = strconv.AppendFloat(b, x.Margin, 'f', 3, 64)
	if len(tu.Cues) > 0 {
		b = append(b, "; cues: "...)
		b = appendCues(b, tu.Cues)
	}
	b = append(b, '\n')
	bw.Write(b)
	// The spans take the width of the widest, so the scores line up.
	width := 0
	for _, s := range x.Sentences {
		width = max(width, len(appendSpan(b[:0], s.Span)))
	}
	for _, s := range x.Sentences {
		b = append(b[:0], indent...)
		b = append(b, "  "...)
		n := len(b)
		b = appendSpan(b, s.Span)
		b = pad(b, n+width)
		b = append(b, "  score "...)
		b = appendSigned(b, s.Score)
		b = append(b, "  p "...)
		b = strconv.AppendFloat(b, s.Posterior, 'f', 3, 64)
		b = append(b, "  q "...)
		n = len(b)
		b = strconv.AppendFloat(b, s.Question, 'f', -1, 64)
		b = pad(b, n+5)
		var text string
		text, k = t.text(s.Span, k)
		b = append(b, "\""...)
		b = append(b, quote(text)...)
		b = append(b, "\""...)
		if len(s.Cues) > 0 {
			b = append(b, "  "...)
			b = appendCues(b, s.Cues)
		}
		b = append(b, '\n')
		bw.Write(b)
	}
	return k
}

func roleName(r speaker.Role) string {
	switch r {
	case speaker.Interviewer, speaker.Guest:
		return r.String()
	}
	return "speaker"
}

func appendSpan(b []byte, s turn.Span) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.End), 10)
	return append(b, ')')
}

// appendSigned appends x with three decimals and its sign, "+1.204".
func appendSigned(b []byte, x float64) []byte {
	if x >= 0 {
		b = append(b, '+')
	}
	return strconv.AppendFloat(b, x, 'f', 3, 64)
}

func appendCues(b []byte, cues []turn.Cue) []byte {
	for j, c := range cues {
		if j > 0 {
			b = append(b, ", "...)
		}
		b = append(b, c...)
	}
	return b
}

// pad appends spaces to b up to length n.
func pad(b []byte, n int) []byte {
	for len(b) < n {
		b = append(b, ' ')
	}
	return b
}

// quote returns text with its white space collapsed, cut to
// explainWidth runes with "…" when longer.
func quote(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(s) <= explainWidth {
		return s
	}
	n := 0
	for i := range s {
		if n == explainWidth-1 {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}
