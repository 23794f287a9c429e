package transcript

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// WriteJSON writes t as JSON (schema version [Version]), indented by two
// spaces. The schema is documented in the package's README and in the
// doc comments of the fields it encodes. A turn's Explanation, when set
// ([Parser.Explain]), is its "explain" object; without one the object is
// left out, so the output is what it is without explanations.
//
// The encoder is written out for the fixed schema; its output is byte for
// byte what encoding/json writes with SetIndent("", "  ") and
// SetEscapeHTML(false), except that a turn's nil Cues are written as [].
func (t *Transcript) WriteJSON(w io.Writer) error {
	// Check what can fail first, so that nothing is written on error.
	for _, s := range t.Speakers {
		if err := checkRole(s.Role); err != nil {
			return err
		}
		if err := checkSpeaker(&s); err != nil {
			return err
		}
	}
	if err := checkFloat(t.Confidence); err != nil {
		return err
	}
	for i := range t.Turns {
		tu := &t.Turns[i]
		if err := checkRole(tu.Role); err != nil {
			return err
		}
		if err := checkFloat(tu.Confidence); err != nil {
			return err
		}
		for _, s := range tu.Sentences {
			if err := checkFloat(s.Question); err != nil {
				return err
			}
		}
		if err := checkExplanation(tu.Explanation); err != nil {
			return err
		}
	}
	e := jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	e.raw("{\n  \"version\": ")
	e.int(Version)
	e.raw(",\n  \"confidence\": ")
	e.float(t.Confidence)
	e.raw(",\n  \"speakers\": ")
	e.speakers(t.Speakers)
	e.raw(",\n  \"turns\": ")
	if len(t.Turns) == 0 {
		e.raw("[]")
	} else {
		e.raw("[")
		for i := range t.Turns {
			if i > 0 {
				e.raw(",")
			}
			e.turn(&t.Turns[i], t.Timed)
		}
		e.raw("\n  ]")
	}
	e.raw(",\n  \"noise\": ")
	if len(t.Noise) == 0 {
		e.raw("[]")
	} else {
		e.raw("[")
		for i, n := range t.Noise {
			if i > 0 {
				e.raw(",")
			}
			e.raw("\n    {\n      \"start\": ")
			e.int(n.Start)
			e.raw(",\n      \"end\": ")
			e.int(n.End)
			e.raw(",\n      \"kind\": ")
			e.string(string(n.Kind))
			e.raw("\n    }")
		}
		e.raw("\n  ]")
	}
	e.questions(t.Questions)
	if t.Teaser != (turn.Span{}) {
		e.raw(",\n  \"teaser\": {\n    \"start\": ")
		e.int(t.Teaser.Start)
		e.raw(",\n    \"end\": ")
		e.int(t.Teaser.End)
		e.raw("\n  }")
	}
	e.raw("\n}\n")
	return e.w.Flush()
}

// checkRole reports the roles that have no text form.
func checkRole(r speaker.Role) error {
	if r <= speaker.Guest {
		return nil
	}
	_, err := r.MarshalText()
	return err
}

// checkFloat reports the values that JSON cannot represent, with the
// error encoding/json gives.
func checkFloat(f float64) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	return nil
}

// A jsonWriter writes JSON to a buffered writer, which keeps the first
// write error for Flush.
type jsonWriter struct {
	w   *bufio.Writer
	buf [64]byte
}

func (e *jsonWriter) raw(s string) { e.w.WriteString(s) }

func (e *jsonWriter) int(n int) { e.w.Write(strconv.AppendInt(e.buf[:0], int64(n), 10)) }

// role writes r, which WriteJSON has checked.
func (e *jsonWriter) role(r speaker.Role) { e.string(r.String()) }

// array writes a JSON array of n items in encoding/json's indented form:
// null when isNil, [] when n is 0, else the items, each written by item
// (which starts with its own line break and indent), between commas,
// then a line break, indent and the closing bracket.
func (e *jsonWriter) array(isNil bool, n int, indent string, item func(i int)) {
	switch {
	case isNil:
		e.raw("null")
	case n == 0:
		e.raw("[]")
	default:
		e.raw("[")
		for i := range n {
			if i > 0 {
				e.raw(",")
			}
			item(i)
		}
		e.raw("\n")
		e.raw(indent)
		e.raw("]")
	}
}

// cues writes cs as an array of strings, each on a line of its own.
func (e *jsonWriter) cues(cs []turn.Cue, isNil bool, indent string) {
	e.array(isNil, len(cs), indent, func(i int) {
		e.raw("\n  ")
		e.raw(indent)
		e.string(string(cs[i]))
	})
}

func (e *jsonWriter) speakers(ss []speaker.Speaker) {
	e.array(ss == nil, len(ss), "  ", func(i int) {
		s := &ss[i]
		e.raw("\n    {\n      \"id\": ")
		e.string(s.ID)
		e.raw(",\n      \"role\": ")
		e.role(s.Role)
		if s.Name != "" {
			e.raw(",\n      \"name\": ")
			e.string(s.Name)
		}
		e.speakerDetails(s)
		e.raw("\n    }")
	})
}

func (e *jsonWriter) turn(t *turn.Turn, timed bool) {
	e.raw("\n    {\n      \"index\": ")
	e.int(t.Index)
	e.raw(",\n      \"speaker\": ")
	e.string(t.Speaker)
	e.raw(",\n      \"role\": ")
	e.role(t.Role)
	e.raw(",\n      \"start\": ")
	e.int(t.Start)
	e.raw(",\n      \"end\": ")
	e.int(t.End)
	if timed {
		e.times(t)
	}
	if t.Teaser {
		e.raw(",\n      \"teaser\": true")
	}
	e.raw(",\n      \"text\": ")
	e.string(t.Text)
	e.raw(",\n      \"confidence\": ")
	e.float(t.Confidence)
	e.raw(",\n      \"cues\": ")
	e.cues(t.Cues, false, "      ") // [] for nil too: Group sets [] when there are none
	e.raw(",\n      \"sentences\": ")
	e.array(t.Sentences == nil, len(t.Sentences), "      ", func(i int) {
		s := &t.Sentences[i]
		e.raw("\n        {\n          \"start\": ")
		e.int(s.Start)
		e.raw(",\n          \"end\": ")
		e.int(s.End)
		e.raw(",\n          \"question\": ")
		e.float(s.Question)
		e.raw("\n        }")
	})
	if t.Explanation != nil {
		e.explanation(t.Explanation)
	}
	e.raw("\n    }")
}

// checkExplanation reports the values of x that JSON cannot represent.
func checkExplanation(x *turn.Explanation) error {
	if x == nil {
		return nil
	}
	for _, f := range []float64{x.Switch, x.Margin} {
		if err := checkFloat(f); err != nil {
			return err
		}
	}
	for _, s := range x.Sentences {
		for _, f := range []float64{s.Score, s.Posterior, s.Question} {
			if err := checkFloat(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// explanation writes a turn's "explain" object, which WriteJSON has
// checked, as encoding/json does.
func (e *jsonWriter) explanation(x *turn.Explanation) {
	e.raw(",\n      \"explain\": {\n        \"switch\": ")
	e.float(x.Switch)
	e.raw(",\n        \"margin\": ")
	e.float(x.Margin)
	e.raw(",\n        \"sentences\": ")
	e.array(x.Sentences == nil, len(x.Sentences), "        ", func(i int) {
		s := &x.Sentences[i]
		e.raw("\n          {\n            \"start\": ")
		e.int(s.Start)
		e.raw(",\n            \"end\": ")
		e.int(s.End)
		e.raw(",\n            \"score\": ")
		e.float(s.Score)
		e.raw(",\n            \"posterior\": ")
		e.float(s.Posterior)
		e.raw(",\n            \"question\": ")
		e.float(s.Question)
		e.raw(",\n            \"cues\": ")
		e.cues(s.Cues, s.Cues == nil, "            ")
		e.raw("\n          }")
	})
	e.raw("\n      }")
}

// float writes f, which WriteJSON has checked is finite, as encoding/json
// does: the shortest form that reads back as f, in exponent form only
// below 1e-6 or from 1e21.
func (e *jsonWriter) float(f float64) {
	b := e.buf[:0]
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	e.w.Write(b)
}

const hexDigits = "0123456789abcdef"

// string writes s quoted as encoding/json does without HTML escaping:
// quote, backslash and control characters escaped, invalid UTF-8 replaced
// by U+FFFD, and U+2028 and U+2029 escaped for JavaScript.
func (e *jsonWriter) string(s string) {
	w := e.w
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\b':
				w.WriteString(`\b`)
			case '\f':
				w.WriteString(`\f`)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hexDigits[c>>4])
				w.WriteByte(hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			w.WriteString(s[start:i])
			w.WriteString(`\ufffd`)
			i += n
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			w.WriteString(s[start:i])
			w.WriteString(`\u202`)
			w.WriteByte(hexDigits[r&0xF])
			i += n
			start = i
			continue
		}
		i += n
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
