package transcript

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseTimed reads src, which check has accepted, as a file of format f
// (or of the format Detect finds when f is Auto), parses the speech, and
// maps the result back into src.
func (p *Parser) parseTimed(src []byte, f Format) (*Transcript, error) {
	if f == Auto {
		f = Detect(src)
	}
	var (
		fl  *flat
		err error
	)
	switch f {
	case SRT:
		fl, err = readSRT(src)
	case WebVTT:
		fl, err = readVTT(src)
	case Whisper:
		fl, err = readWhisper(src)
	case Timestamped:
		fl, err = readTimestamped(src)
	case Labelled:
		fl, err = readLabelled(src)
	default:
		return p.parse(src, nil, ""), nil
	}
	if err != nil {
		return nil, err
	}
	if len(fl.pieces) == 0 || len(bytes.TrimFunc(fl.text, isSpaceOrFormat)) == 0 {
		return nil, errorAt(src, 0, fmt.Errorf("%w: the %v file has no speech", ErrEmpty, f))
	}
	tr := p.parse(fl.text, fl, "")
	fl.remap(tr, src)
	return tr, nil
}

// formatError returns an *Error at offset of src for a file of format f.
func formatError(src []byte, offset int, f Format, format string, args ...any) *Error {
	return errorAt(src, offset, fmt.Errorf("%w %s: %s", ErrFormat, formatTitle(f), fmt.Sprintf(format, args...)))
}

func formatTitle(f Format) string {
	switch f {
	case SRT:
		return "SRT"
	case WebVTT:
		return "WebVTT"
	case Whisper:
		return "Whisper JSON"
	case Timestamped:
		return "timestamped transcript"
	case Labelled:
		return "labelled transcript"
	}
	return f.String()
}

// A line is the bytes [start, end) of one line of a file, without its line
// break; next is the offset of the following line.
type line struct{ start, end, next int }

// lines splits src into lines at LF, CRLF or CR. A byte order mark at the
// start of src is not part of the first line.
func lines(src []byte) []line {
	var ls []line
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			ls = append(ls, line{start, i, i + 1})
			start = i + 1
		case '\r':
			next := i + 1
			if next < len(src) && src[next] == '\n' {
				next++
			}
			ls = append(ls, line{start, i, next})
			start = next
			i = next - 1
		}
	}
	if start < len(src) {
		ls = append(ls, line{start, len(src), len(src)})
	}
	return ls
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// parseTimestamp reads a timestamp at the start of b: [HH:]MM:SS.mmm, with
// sep the decimal separator ('.' for WebVTT; SRT accepts ',' and '.').
// hoursRequired asks for the hours (SRT). It returns the seconds and the
// bytes read, or a message and the offset within b of the problem.
func parseTimestamp(b []byte, srt bool) (secs float64, n int, msg string) {
	var fields [3]int
	nf := 0
	i := 0
	for {
		j := i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		if j == i {
			return 0, i, "expected a digit in a timestamp"
		}
		if j-i > 9 {
			return 0, i, "number too long in a timestamp"
		}
		v, _ := strconv.Atoi(string(b[i:j]))
		if nf == 3 {
			return 0, i, "too many fields in a timestamp"
		}
		fields[nf] = v
		nf++
		i = j
		if i < len(b) && b[i] == ':' {
			i++
			continue
		}
		break
	}
	if nf < 2 || (srt && nf < 3) {
		if srt {
			return 0, i, "expected a timestamp HH:MM:SS,mmm"
		}
		return 0, i, "expected a timestamp [HH:]MM:SS.mmm"
	}
	if i >= len(b) || !(b[i] == '.' || (srt && b[i] == ',')) {
		return 0, i, "expected milliseconds after the seconds"
	}
	i++
	j := i
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j-i != 3 && !(srt && j-i >= 1 && j-i <= 3) {
		return 0, i, "expected three digits of milliseconds"
	}
	ms, _ := strconv.Atoi(string(b[i:j]))
	for k := j - i; k < 3; k++ {
		ms *= 10
	}
	h, m, s := 0, fields[nf-2], fields[nf-1]
	if nf == 3 {
		h = fields[0]
	}
	if m > 59 || s > 59 {
		return 0, 0, "minutes and seconds must be below 60"
	}
	return float64(h)*3600 + float64(m)*60 + float64(s) + float64(ms)/1000, j, ""
}

// parseTiming reads a cue timing line "START --> END" in src[l.start:l.end],
// with anything after END (WebVTT settings, SRT coordinates) ignored.
func parseTiming(src []byte, l line, f Format) (start, stop float64, err error) {
	b := src[l.start:l.end]
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	start, n, msg := parseTimestamp(b[i:], f == SRT)
	if msg != "" {
		return 0, 0, formatError(src, l.start+i+n, f, "%s in the timing line %q", msg, b)
	}
	i += n
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if !bytes.HasPrefix(b[i:], []byte("-->")) {
		return 0, 0, formatError(src, l.start+i, f, "expected \"-->\" in the timing line %q", b)
	}
	i += 3
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	stop, n, msg = parseTimestamp(b[i:], f == SRT)
	if msg != "" {
		return 0, 0, formatError(src, l.start+i+n, f, "%s in the timing line %q", msg, b)
	}
	i += n
	if i < len(b) && b[i] != ' ' && b[i] != '\t' {
		return 0, 0, formatError(src, l.start+i, f, "unexpected %q after the end time", b[i:])
	}
	if stop < start {
		return 0, 0, formatError(src, l.start, f, "the cue ends (%s) before it starts (%s)", clock(stop, '.'), clock(start, '.'))
	}
	return start, stop, nil
}

// clock formats secs as HH:MM:SS.mmm with sep before the milliseconds.
func clock(secs float64, sep byte) string {
	ms := int64(secs*1000 + 0.5)
	return fmt.Sprintf("%02d:%02d:%02d%c%03d", ms/3600000, ms/60000%60, ms/1000%60, sep, ms%1000)
}

// addPayload appends the speech of one line of cue text, src[from:to], to
// fl: styling tags (<i>, </b>, <c.loud>, <00:01.000>, and in SRT
// {\an8}) are left out, and in WebVTT character references (&amp;,
// &#233;) are decoded. It returns the name of a <v Name> voice tag in the
// line, if any.
func addPayload(fl *flat, src []byte, from, to int, vtt bool) (voice string) {
	run := from // start of the text run not yet appended
	for i := from; i < to; {
		c := src[i]
		switch {
		case c == '<' && i+1 < to && (vtt || isSRTTag(src[i+1:to])):
			end := bytes.IndexByte(src[i:to], '>')
			if end < 0 {
				if vtt {
					// An unterminated tag runs to the end of the line.
					fl.copy(src, run, i)
					return voice
				}
				i++
				continue
			}
			fl.copy(src, run, i)
			tag := src[i+1 : i+end]
			if len(tag) > 1 && tag[0] == 'v' && (tag[1] == ' ' || tag[1] == '\t' || tag[1] == '.') {
				if sp := bytes.IndexAny(tag, " \t"); sp >= 0 {
					voice = string(bytes.TrimSpace(tag[sp:]))
				}
			}
			i += end + 1
			run = i
		case c == '{' && !vtt && i+1 < to && src[i+1] == '\\':
			end := bytes.IndexByte(src[i:to], '}')
			if end < 0 {
				i++
				continue
			}
			fl.copy(src, run, i)
			i += end + 1
			run = i
		case c == '&' && vtt:
			end := bytes.IndexByte(src[i:min(to, i+34)], ';')
			if end < 0 {
				i++
				continue
			}
			r, ok := entity(src[i+1 : i+end])
			if !ok {
				i++
				continue
			}
			fl.copy(src, run, i)
			var buf [4]byte
			fl.decoded(string(buf[:utf8.EncodeRune(buf[:], r)]), i, i+end+1)
			i += end + 1
			run = i
		default:
			i++
		}
	}
	fl.copy(src, run, to)
	return voice
}

// isSRTTag reports whether b, after a '<', is one of the tags SRT files
// use: <i>, <b>, <u>, <s>, <font ...> and their end tags.
func isSRTTag(b []byte) bool {
	if len(b) > 0 && b[0] == '/' {
		b = b[1:]
	}
	for _, name := range []string{"i", "b", "u", "s", "font"} {
		if len(b) > len(name) && strings.EqualFold(string(b[:len(name)]), name) && (b[len(name)] == '>' || b[len(name)] == ' ') {
			return true
		}
	}
	return false
}

// entity decodes the character reference &name; the WebVTT cue text
// tokenizer knows (the common named ones and numeric ones).
func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	case "nbsp":
		return '\u00a0', true
	case "lrm":
		return '\u200e', true
	case "rlm":
		return '\u200f', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || v == 0 || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) || v < 0x20 && v != '\t' && v != '\n' {
		return 0, false
	}
	return rune(v), true
}
