package transcript

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A rawCue is a cue of a subtitle file before its text is read: its times,
// the lines of its text, and its voice when the reader has read it.
type rawCue struct {
	start, stop float64
	text        []line
	voice       string
}

// readSRT reads a SubRip file: blocks separated by blank lines, each a cue
// number, a timing line "00:01:02,500 --> 00:01:05,000" and lines of text.
// Cues must start in order. When every cue's text starts with a speaker
// label ("Ana Lima: ", at most four words, capitalised, the way
// [Transcript.WriteSRT] writes them), the labels are voices, not speech.
// Roll-up captions' repeated lines are read once (see unroll).
func readSRT(src []byte) (*flat, error) {
	ls := lines(src)
	var cues []rawCue
	i := 0
	for {
		for i < len(ls) && isBlank(src[ls[i].start:ls[i].end]) {
			i++
		}
		if i == len(ls) {
			break
		}
		l := ls[i]
		b := bytes.TrimSpace(src[l.start:l.end])
		if !isDigits(b) {
			if bytes.Contains(b, []byte("-->")) {
				return nil, formatError(src, l.start, SRT, "expected a cue number before the timing line")
			}
			return nil, formatError(src, l.start, SRT, "expected a cue number, found %q", clip(b))
		}
		i++
		if i == len(ls) || isBlank(src[ls[i].start:ls[i].end]) {
			at := len(src)
			if i < len(ls) {
				at = ls[i].start
			}
			return nil, formatError(src, at, SRT, "expected a timing line after cue number %s", b)
		}
		start, stop, err := parseTiming(src, ls[i], SRT)
		if err != nil {
			return nil, err
		}
		if n := len(cues); n > 0 && start < cues[n-1].start {
			return nil, formatError(src, ls[i].start, SRT, "cue %s starts at %s, before the cue before it (%s)", b, clock(start, ','), clock(cues[n-1].start, ','))
		}
		i++
		c := rawCue{start: start, stop: stop}
		for i < len(ls) && !isBlank(src[ls[i].start:ls[i].end]) {
			c.text = append(c.text, ls[i])
			i++
		}
		cues = append(cues, c)
	}
	if len(cues) == 0 {
		return nil, formatError(src, 0, SRT, "no cues")
	}
	unroll(src, cues)
	if labelled(src, cues) {
		takeLabels(src, cues)
	}
	return buildCues(src, cues, false), nil
}

// unroll drops from each cue the lines at its start that repeat the last
// line of the cue before, as roll-up captions write them (automatic
// captions, broadcast ones): each cue shows the line before again above
// the new one, and read as they are every line would be said twice. A
// line of two words or fewer ("No.", "Right.") may be said twice, and is
// kept. The lines dropped are markup, not speech.
func unroll(src []byte, cues []rawCue) {
	var last string // the text of the last line of the cue before
	for k := range cues {
		c := &cues[k]
		for len(c.text) > 0 {
			t := lineText(src[c.text[0].start:c.text[0].end])
			if t == "" || t != last || strings.Count(t, " ") < 2 {
				break
			}
			c.text = c.text[1:]
		}
		if n := len(c.text); n > 0 {
			last = lineText(src[c.text[n-1].start:c.text[n-1].end])
		}
	}
}

// lineText returns the words of a line of cue text without its tags
// ("<c>", "<00:00:01.000>", "{\an8}"), lower-cased and one space apart.
func lineText(b []byte) string {
	var out []byte
	depth := byte(0)
	for _, c := range b {
		switch {
		case depth == 0 && (c == '<' || c == '{'):
			depth = c
		case depth == '<' && c == '>' || depth == '{' && c == '}':
			depth = 0
			out = append(out, ' ')
		case depth == 0:
			out = append(out, c)
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(string(out)), " "))
}

// takeLabels makes the speaker label ([readLabel]) that starts the first
// line of each cue with text (see labelled) the cue's voice, and cuts it
// off the line.
func takeLabels(src []byte, cues []rawCue) {
	for k := range cues {
		c := &cues[k]
		if len(c.text) == 0 {
			continue
		}
		first := &c.text[0]
		lb, _ := readLabel(src[first.start:first.end], false)
		c.voice = string(lb.name)
		first.start += lb.n
		for first.start < first.end && src[first.start] == ' ' {
			first.start++
		}
	}
}

// buildCues joins the text of cues into a flat. A WebVTT cue without a
// voice takes that of its first <v Name> tag.
func buildCues(src []byte, cues []rawCue, vtt bool) *flat {
	fl := &flat{text: make([]byte, 0, len(src)/2)}
	for _, c := range cues {
		if len(c.text) == 0 {
			continue
		}
		voice := c.voice
		if vtt && voice == "" {
			voice = cueVoice(src, c)
		}
		fl.startCue(c.start, c.stop, voice)
		for k, l := range c.text {
			if k > 0 {
				fl.sep("\n")
			}
			addPayload(fl, src, l.start, l.end, vtt)
		}
		fl.endCue()
	}
	return fl
}

// cueVoice returns the name of the first <v Name> tag of a WebVTT cue.
func cueVoice(src []byte, c rawCue) string {
	for _, l := range c.text {
		b := src[l.start:l.end]
		for {
			k := bytes.Index(b, []byte("<v"))
			if k < 0 || k+2 >= len(b) {
				break
			}
			b = b[k+2:]
			if b[0] != ' ' && b[0] != '\t' && b[0] != '.' {
				continue
			}
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				break
			}
			tag := b[:end]
			if sp := bytes.IndexAny(tag, " \t"); sp >= 0 {
				if v := bytes.TrimSpace(tag[sp:]); len(v) > 0 {
					return string(v)
				}
			}
			b = b[end:]
		}
	}
	return ""
}

// labelled reports whether every cue with text starts with a speaker
// label ([readLabel]), and one does.
func labelled(src []byte, cues []rawCue) bool {
	found := false
	for _, c := range cues {
		if len(c.text) == 0 {
			continue
		}
		l := c.text[0]
		if _, ok := readLabel(src[l.start:l.end], false); !ok {
			return false
		}
		found = true
	}
	return found
}

// isName reports whether b can be the text of a speaker label: one to four
// words, the first starting with an upper-case letter, none holding a
// '<', '>', '{', '.', '?', '!' or ',', at most 40 bytes.
func isName(b []byte) bool {
	if len(b) > 40 {
		return false
	}
	words := bytes.Fields(b)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	if r, _ := utf8.DecodeRune(words[0]); !unicode.IsUpper(r) {
		return false
	}
	for _, w := range words {
		for _, c := range w {
			if c == '<' || c == '>' || c == '{' || c == '.' || c == '?' || c == '!' || c == ',' {
				return false
			}
		}
	}
	return true
}

// labelName returns the speaker's name in a label's text: without a
// closing remark in brackets, as in "Maya Ortiz (cold open)", which the
// text output writes for the turns of a cold open.
func labelName(label []byte) []byte {
	if k := bytes.LastIndex(label, []byte(" (")); k > 0 && label[len(label)-1] == ')' {
		return label[:k]
	}
	return label
}

func isDigits(b []byte) bool {
	if len(b) == 0 || len(b) > 9 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// clip shortens b for an error message.
func clip(b []byte) []byte {
	if len(b) <= 40 {
		return b
	}
	n := 40
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return append(b[:n:n], "…"...)
}
