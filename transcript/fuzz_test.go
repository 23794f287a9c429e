package transcript_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/transcript"
)

// FuzzParse checks that Parse never panics, that bad input gets an
// *Error inside the input, that every parse keeps the documented
// invariants (see checkTranscript), with and without explanations, and
// that ParseString gives what Parse gives.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", " ", "Hi.", "What? Yes. Why? No.", "yeah so what do you think i think it works",
		"go go go go go go go go go. Right? Right.", "\xef\xbb\xbfHello?\r\n\r\nHi.",
		"A\u00a0b\u200b c.\u3000D?", "Dr. J.P. Smith said... \"Stop!\" Then—They left?",
		"？！。", "\xff", "a\x00b",
		">> so you build boats. >> i do. >>> in other news. >>", "so what did you do. i left. and then. i came back. so.",
		"it was over. and then? we left. why? because.",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		tr, err := transcript.Parse(src)
		// ParseString gives the same result, or the same error.
		st, serr := transcript.ParseString(string(src))
		if (err == nil) != (serr == nil) || err != nil && err.Error() != serr.Error() {
			t.Fatalf("Parse error %v, ParseString error %v", err, serr)
		}
		if err == nil {
			if d := cmp.Diff(exported(tr), exported(st)); d != "" {
				t.Fatalf("ParseString differs from Parse (-Parse +ParseString):\n%s", d)
			}
		}
		if err != nil {
			var e *transcript.Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse error %v is not a *transcript.Error", err)
			}
			if e.Offset < 0 || e.Offset > len(src) || e.Line < 1 || e.Column < 1 {
				t.Fatalf("error position %d %d:%d outside the input of %d bytes", e.Offset, e.Line, e.Column, len(src))
			}
			if utf8.Valid(src) && errors.Is(err, transcript.ErrInvalidUTF8) {
				t.Fatalf("valid UTF-8 reported as invalid: %v", err)
			}
			return
		}
		checkTranscript(t, src, tr)
		// Explaining keeps the invariants, explains every turn, and on
		// the decoder's own path never finds a boundary it should not
		// have placed.
		p := transcript.Parser{Explain: true}
		ex, err := p.Parse(src)
		if err != nil {
			t.Fatalf("Parse with Explain: %v, without: no error", err)
		}
		checkTranscript(t, src, ex)
		if len(ex.Turns) != len(tr.Turns) {
			t.Fatalf("%d turns with Explain, %d without", len(ex.Turns), len(tr.Turns))
		}
		for i, tu := range ex.Turns {
			x := tu.Explanation
			if x == nil || len(x.Sentences) != len(tu.Sentences) || x.Margin < 0 && !recurred(ex.Turns, i) {
				t.Fatalf("turn %d: explanation %+v of a turn of %d sentences", i, x, len(tu.Sentences))
			}
		}
	})
}

// exported returns what a caller sees of tr.
func exported(tr *transcript.Transcript) any {
	return struct {
		Speakers  any
		Turns     any
		Noise     any
		Questions any
		Teaser    any
	}{tr.Speakers, tr.Turns, tr.Noise, tr.Questions, tr.Teaser}
}
