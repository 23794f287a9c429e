package transcript

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// readWhisper reads the JSON that Whisper (and faster-whisper, WhisperX)
// writes: an object whose "segments" array holds objects with "start" and
// "end" (seconds) and "text". A segment's "speaker" string, as WhisperX
// writes it, is its voice. A Podcasting 2.0 JSON transcript, as
// [Transcript.WritePodcast] writes it, has the same shape with
// "startTime", "endTime" and "body", and is read the same way. Every other field is read past and left as
// markup, including the top-level "text", which repeats the segments.
func readWhisper(src []byte) (*flat, error) {
	r := whisperReader{src: src, dec: json.NewDecoder(bytes.NewReader(src))}
	r.dec.UseNumber()
	fl, err := r.read()
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, err
		}
		off := len(src)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = max(0, int(se.Offset)-1) // the offending byte
			err = errors.New(se.Error())
		} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			err = errors.New("the file ends inside the JSON value")
		}
		return nil, formatError(src, min(off, len(src)), Whisper, "%v", err)
	}
	return fl, nil
}

type whisperReader struct {
	src []byte
	dec *json.Decoder
}

// next returns the next token and the offset of its first byte.
func (r *whisperReader) next() (json.Token, int, error) {
	off := int(r.dec.InputOffset())
	for off < len(r.src) {
		c := r.src[off]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ':' && c != ',' {
			break
		}
		off++
	}
	tok, err := r.dec.Token()
	return tok, off, err
}

func (r *whisperReader) read() (*flat, error) {
	tok, off, err := r.next()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, formatError(r.src, off, Whisper, "expected an object with \"segments\"")
	}
	var fl *flat
	for r.dec.More() {
		key, koff, err := r.next()
		if err != nil {
			return nil, err
		}
		if key == "segments" && fl == nil {
			if fl, err = r.segments(); err != nil {
				return nil, err
			}
			continue
		} else if key == "segments" {
			return nil, formatError(r.src, koff, Whisper, "\"segments\" given twice")
		}
		if err := r.skip(); err != nil {
			return nil, err
		}
	}
	if _, _, err := r.next(); err != nil { // the closing brace
		return nil, err
	}
	if _, off, err := r.next(); err != io.EOF {
		if err == nil {
			return nil, formatError(r.src, off, Whisper, "data after the JSON object")
		}
		return nil, err
	}
	if fl == nil {
		return nil, formatError(r.src, 0, Whisper, "no \"segments\" array")
	}
	return fl, nil
}

// skip reads past one value.
func (r *whisperReader) skip() error {
	depth := 0
	for {
		tok, _, err := r.next()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

func (r *whisperReader) segments() (*flat, error) {
	tok, off, err := r.next()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('[') {
		return nil, formatError(r.src, off, Whisper, "\"segments\" must be an array")
	}
	fl := &flat{text: make([]byte, 0, len(r.src)/4)}
	n := 0
	prev := 0.0
	for r.dec.More() {
		tok, off, err := r.next()
		if err != nil {
			return nil, err
		}
		if tok != json.Delim('{') {
			return nil, formatError(r.src, off, Whisper, "segment %d must be an object", n)
		}
		var (
			start, stop = math.NaN(), math.NaN()
			text        *line // the raw string, quotes included
			voice       string
		)
		for r.dec.More() {
			key, _, err := r.next()
			if err != nil {
				return nil, err
			}
			switch key {
			case "start", "end", "startTime", "endTime":
				v, voff, err := r.next()
				if err != nil {
					return nil, err
				}
				num, ok := v.(json.Number)
				f, ferr := strconv.ParseFloat(string(num), 64)
				if !ok || ferr != nil || f < 0 || math.IsInf(f, 0) {
					return nil, formatError(r.src, voff, Whisper, "segment %d: %q must be a number of seconds, at least 0", n, key)
				}
				if key == "start" || key == "startTime" {
					start = f
				} else {
					stop = f
				}
			case "text", "body", "speaker":
				v, voff, err := r.next()
				if err != nil {
					return nil, err
				}
				s, ok := v.(string)
				if !ok {
					return nil, formatError(r.src, voff, Whisper, "segment %d: %q must be a string", n, key)
				}
				if key == "speaker" {
					voice = s
				} else {
					text = &line{start: voff, end: int(r.dec.InputOffset())}
				}
			default:
				if err := r.skip(); err != nil {
					return nil, err
				}
			}
		}
		if _, _, err := r.next(); err != nil { // the closing brace
			return nil, err
		}
		switch {
		case math.IsNaN(start) || math.IsNaN(stop) || text == nil:
			return nil, formatError(r.src, off, Whisper, "segment %d needs \"start\", \"end\" and \"text\" (or \"startTime\", \"endTime\" and \"body\")", n)
		case stop < start:
			return nil, formatError(r.src, off, Whisper, "segment %d ends (%g) before it starts (%g)", n, stop, start)
		case start < prev:
			return nil, formatError(r.src, off, Whisper, "segment %d starts (%g) before the segment before it (%g)", n, start, prev)
		}
		prev = start
		fl.startCue(start, stop, voice)
		if err := addJSONString(fl, r.src, text.start+1, text.end-1); err != nil {
			return nil, err
		}
		fl.endCue()
		n++
	}
	if _, _, err := r.next(); err != nil { // the closing bracket
		return nil, err
	}
	if n == 0 {
		return nil, formatError(r.src, int(r.dec.InputOffset())-1, Whisper, "\"segments\" is empty")
	}
	return fl, nil
}

// addJSONString appends the decoded JSON string whose raw bytes, between
// the quotes, are src[from:to]; encoding/json has checked its syntax.
func addJSONString(fl *flat, src []byte, from, to int) error {
	run := from
	for i := from; i < to; {
		if src[i] != '\\' {
			i++
			continue
		}
		fl.copy(src, run, i)
		n := 2
		var r rune
		switch c := src[i+1]; c {
		case 'n':
			r = '\n'
		case 't':
			r = '\t'
		case 'r':
			r = '\r'
		case 'b', 'f':
			return formatError(src, i, Whisper, "control character \\%c in a segment's text", c)
		case 'u':
			n = 6
			v, _ := strconv.ParseUint(string(src[i+2:i+6]), 16, 16)
			r = rune(v)
			if utf16.IsSurrogate(r) && i+12 <= to && src[i+6] == '\\' && src[i+7] == 'u' {
				w, _ := strconv.ParseUint(string(src[i+8:i+12]), 16, 16)
				if d := utf16.DecodeRune(r, rune(w)); d != utf8.RuneError {
					r, n = d, 12
				}
			}
			if utf16.IsSurrogate(r) {
				r = utf8.RuneError
			}
			if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f {
				return errorAt(src, i, fmt.Errorf("%w %U", ErrBinary, r))
			}
		default: // '"', '\\', '/'
			r = rune(c)
		}
		var buf [4]byte
		fl.decoded(string(buf[:utf8.EncodeRune(buf[:], r)]), i, i+n)
		i += n
		run = i
	}
	fl.copy(src, run, to)
	return nil
}
