package transcript_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/transcript"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		maxBytes int
		sentinel error
		want     transcript.Error // Err is not compared; see sentinel and msg
		msg      string           // the exact Error() text
		reason   string
	}{
		{
			name:     "empty",
			in:       "",
			sentinel: transcript.ErrEmpty,
			want:     transcript.Error{Offset: 0, Line: 1, Column: 1},
			msg:      "transcript: 1:1: no text: the input is empty or only white space (byte 0)",
			reason:   "nothing to diarize; the position is the start",
		},
		{
			name:     "white space only",
			in:       " \t\r\n\n   \v\f\n",
			sentinel: transcript.ErrEmpty,
			want:     transcript.Error{Offset: 0, Line: 1, Column: 1},
			msg:      "transcript: 1:1: no text: the input is empty or only white space (byte 0)",
			reason:   "ASCII white space on several lines is still blank",
		},
		{
			name:     "invisible runes only",
			in:       "\ufeff\u00a0\u200b\u3000\n",
			sentinel: transcript.ErrEmpty,
			want:     transcript.Error{Offset: 0, Line: 1, Column: 1},
			msg:      "transcript: 1:1: no text: the input is empty or only white space (byte 0)",
			reason:   "a byte order mark, no-break, zero-width and ideographic spaces carry no speech",
		},
		{
			name:     "invalid UTF-8 on line 2",
			in:       "Welcome to the show.\nThanks, it's gr\xffeat to be here.",
			sentinel: transcript.ErrInvalidUTF8,
			want:     transcript.Error{Offset: 36, Line: 2, Column: 16},
			msg:      "transcript: 2:16: invalid UTF-8: byte 0xff (byte 36)",
			reason:   "21 bytes of line 1 (with its newline) plus 15 before the bad byte; Column counts bytes from 1",
		},
		{
			name:     "invalid UTF-8 after multibyte runes",
			in:       "Olá, señor.\r\nAñ\xc3",
			sentinel: transcript.ErrInvalidUTF8,
			want:     transcript.Error{Offset: 18, Line: 2, Column: 4},
			msg:      "transcript: 2:4: invalid UTF-8: byte 0xc3 (byte 18)",
			reason:   "a truncated two-byte sequence at the end; columns count bytes, not runes (ñ is two)",
		},
		{
			name:     "Latin-1 input",
			in:       "caf\xe9 au lait",
			sentinel: transcript.ErrInvalidUTF8,
			want:     transcript.Error{Offset: 3, Line: 1, Column: 4},
			msg:      "transcript: 1:4: invalid UTF-8: byte 0xe9 (byte 3)",
			reason:   "the commonest wrong encoding: é as one byte",
		},
		{
			name:     "NUL byte",
			in:       "So tell me\x00 about the reef.",
			sentinel: transcript.ErrBinary,
			want:     transcript.Error{Offset: 10, Line: 1, Column: 11},
			msg:      "transcript: 1:11: binary data: control character U+0000 (byte 10)",
			reason:   "NUL never occurs in text",
		},
		{
			name:     "escape on line 3",
			in:       "One.\nTwo.\nThr\x1b[0mee.",
			sentinel: transcript.ErrBinary,
			want:     transcript.Error{Offset: 13, Line: 3, Column: 4},
			msg:      "transcript: 3:4: binary data: control character U+001B (byte 13)",
			reason:   "a terminal escape sequence pasted from a console",
		},
		{
			name:     "DEL",
			in:       "Right.\x7f",
			sentinel: transcript.ErrBinary,
			want:     transcript.Error{Offset: 6, Line: 1, Column: 7},
			msg:      "transcript: 1:7: binary data: control character U+007F (byte 6)",
			reason:   "DEL is a control character too",
		},
		{
			name:     "control character before invalid UTF-8",
			in:       "a\x01b\xff",
			sentinel: transcript.ErrBinary,
			want:     transcript.Error{Offset: 1, Line: 1, Column: 2},
			msg:      "transcript: 1:2: binary data: control character U+0001 (byte 1)",
			reason:   "the first problem in the input is reported",
		},
		{
			name:     "over MaxBytes",
			in:       "Hello and welcome.\nThanks.",
			maxBytes: 20,
			sentinel: transcript.ErrTooLarge,
			want:     transcript.Error{Offset: 20, Line: 2, Column: 2},
			msg:      "transcript: 2:2: input too large: 26 bytes, the limit is 20 (byte 20)",
			reason:   "the position is the first byte past the limit",
		},
		{
			name:     "over MaxBytes wins over bad bytes",
			in:       "\xff\x00 twelve bytes",
			maxBytes: 4,
			sentinel: transcript.ErrTooLarge,
			want:     transcript.Error{Offset: 4, Line: 1, Column: 5},
			msg:      "transcript: 1:5: input too large: 15 bytes, the limit is 4 (byte 4)",
			reason:   "the size is checked before the bytes are read",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := transcript.Parser{MaxBytes: tt.maxBytes}
			tr, err := p.Parse([]byte(tt.in))
			if err == nil {
				t.Fatalf("Parse() = %d turns, want an error (%s)", len(tr.Turns), tt.reason)
			}
			if tr != nil {
				t.Errorf("Parse() returned a transcript with its error")
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false (%s)", err, tt.sentinel, tt.reason)
			}
			var e *transcript.Error
			if !errors.As(err, &e) {
				t.Fatalf("errors.As(%T, *transcript.Error) = false", err)
			}
			got := transcript.Error{Offset: e.Offset, Line: e.Line, Column: e.Column}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("position mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.msg, err.Error()); diff != "" {
				t.Errorf("Error() mismatch (-want +got):\n%s", diff)
			}
			if e.Unwrap() != e.Err {
				t.Errorf("Unwrap() = %v, want Err %v", e.Unwrap(), e.Err)
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		maxBytes int
		reason   string
	}{
		{"exactly MaxBytes", "Hi. Hello.", 10, "the limit is inclusive"},
		{"zero MaxBytes", "Hi. Hello.", 0, "zero means DefaultMaxBytes"},
		{"negative MaxBytes", "Hi. Hello.", -1, "a negative limit also means DefaultMaxBytes"},
		{"tabs and CRLF", "Hi.\tHello.\r\nBye.", 0, "white space control characters are text"},
		{"byte order mark", "\ufeffHi. Hello.", 0, "a leading BOM is allowed"},
		{"one word", "hm", 0, "any non-space rune is speech"},
		{"non-Latin", "你好。谢谢。", 0, "any script is speech"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := transcript.Parser{MaxBytes: tt.maxBytes}
			if _, err := p.Parse([]byte(tt.in)); err != nil {
				t.Errorf("Parse(%q) error = %v (%s)", tt.in, err, tt.reason)
			}
		})
	}
}

func TestErrorWrapping(t *testing.T) {
	_, err := transcript.Parse([]byte("ok\xfe"))
	for _, other := range []error{transcript.ErrEmpty, transcript.ErrBinary, transcript.ErrTooLarge} {
		if errors.Is(err, other) {
			t.Errorf("errors.Is(%v, %v) = true, want only ErrInvalidUTF8", err, other)
		}
	}
	if !strings.HasPrefix(err.Error(), "transcript: ") {
		t.Errorf("Error() = %q, want the package prefix", err)
	}
}

func TestPosition(t *testing.T) {
	src := []byte("ab\ncd\r\n\néf")
	tr, err := transcript.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		offset int
		want   transcript.Position
		reason string
	}{
		{0, transcript.Position{Offset: 0, Line: 1, Column: 1}, "the first byte is 1:1"},
		{2, transcript.Position{Offset: 2, Line: 1, Column: 3}, "a newline belongs to the line it ends"},
		{3, transcript.Position{Offset: 3, Line: 2, Column: 1}, "after a newline, a new line"},
		{5, transcript.Position{Offset: 5, Line: 2, Column: 3}, "CR is an ordinary byte of its line"},
		{7, transcript.Position{Offset: 7, Line: 3, Column: 1}, "an empty line"},
		{10, transcript.Position{Offset: 10, Line: 4, Column: 3}, "é is two bytes, so f is in column 3"},
		{11, transcript.Position{Offset: 11, Line: 4, Column: 4}, "the end of the input is a position too"},
		{-5, transcript.Position{Offset: 0, Line: 1, Column: 1}, "offsets before the input are clamped"},
		{99, transcript.Position{Offset: 11, Line: 4, Column: 4}, "offsets past the input are clamped"},
	}
	for _, tt := range tests {
		got := tr.Position(tt.offset)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Position(%d) mismatch (-want +got):\n%s\nreason: %s", tt.offset, diff, tt.reason)
		}
	}
	if got, want := tr.Position(10).String(), "4:3"; got != want {
		t.Errorf("Position(10).String() = %q, want %q", got, want)
	}
}

// TestPositionConcurrent checks Position at every offset, from several
// goroutines at once (the line table is built on the first call), against
// counting the newlines before the offset.
func TestPositionConcurrent(t *testing.T) {
	src := []byte("\nWhy?\r\n\nBecause.\n  Fine. Next question:\nhow?\n")
	tr, err := transcript.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	want := func(offset int) transcript.Position {
		line, start := 1, 0
		for i := range offset {
			if src[i] == '\n' {
				line, start = line+1, i+1
			}
		}
		return transcript.Position{Offset: offset, Line: line, Column: offset - start + 1}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for k := 0; k <= len(src); k++ {
				if got := tr.Position(k); got != want(k) {
					t.Errorf("Position(%d) = %+v, want %+v", k, got, want(k))
				}
			}
		})
	}
	wg.Wait()
}
