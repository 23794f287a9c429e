package transcript

import (
	"bufio"
	"io"
	"strings"
)

// WriteMarkdown writes t as a Markdown script: one paragraph per turn,
// "**Ana Lima:** text", with the speaker's role capitalised when the name
// is not known, and "(cold open)" after it for the turns of the cold open
// ("**Ana Lima (cold open):** text"). When the input had times, each paragraph starts with the
// turn's start time, "[00:01:02] ". Characters that Markdown would read as
// markup are escaped with a backslash, and the turn's line breaks become
// spaces. When the turns carry explanations ([Parser.Explain]), each
// paragraph is followed by its turn's, as an indented code block (see
// [Transcript.WriteText]).
func (t *Transcript) WriteMarkdown(w io.Writer) error {
	return t.writeScript(w, true)
}

// WriteText writes t as a plain script: one paragraph per turn,
// "Ana Lima: text", separated by blank lines, with the start time
// "[00:01:02] " first when the input had times and "(cold open)" after
// the name for the turns of the cold open.
//
// When the turns carry explanations ([Parser.Explain]), each paragraph is
// followed by its turn's, indented by two spaces: a line for the turn,
//
//	turn 4 guest [696,1357) confidence 0.636 — switch +2.105, margin 3.890; cues: after-question, answer-opener
//
// with the switch score and margin of its start (only the margin for the
// first turn), then a line for each sentence with its span, score
// (log-odds, positive for the interviewer), posterior probability of the
// turn's role (p), question score (q), the start of its text and its cues.
// The values are those of [turn.Explanation].
func (t *Transcript) WriteText(w io.Writer) error {
	return t.writeScript(w, false)
}

func (t *Transcript) writeScript(w io.Writer, md bool) error {
	bw := bufio.NewWriter(w)
	k := 0 // the noise cursor of the explanations
	for i := range t.Turns {
		tu := &t.Turns[i]
		if i > 0 {
			bw.WriteString("\n")
		}
		if t.Timed {
			bw.WriteString("[")
			bw.WriteString(clock(tu.StartTime, '.')[:8])
			bw.WriteString("] ")
		}
		text := strings.Join(strings.Fields(tu.Text), " ")
		label := t.label(tu)
		if tu.Teaser {
			label += " (cold open)"
		}
		if md {
			bw.WriteString("**")
			bw.WriteString(mdEscape(label))
			bw.WriteString(":** ")
			bw.WriteString(mdEscape(text))
		} else {
			bw.WriteString(label)
			bw.WriteString(": ")
			bw.WriteString(text)
		}
		bw.WriteString("\n")
		if tu.Explanation != nil {
			if md {
				// An indented code block, which needs a blank line
				// before it and shows its lines as they are.
				bw.WriteString("\n")
				k = t.writeExplanation(bw, i, "    ", k)
			} else {
				k = t.writeExplanation(bw, i, "  ", k)
			}
		}
	}
	return bw.Flush()
}

// mdEscape escapes the characters that Markdown (CommonMark) may read as
// markup inside a paragraph.
func mdEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
