package transcript_test

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
)

// TestHostileInputs runs odd and hostile inputs through Parse. Each row
// documents the result: a typed error, or a parse that keeps every
// invariant (checkTranscript) and, where it says so, a given shape.
func TestHostileInputs(t *testing.T) {
	long := strings.Repeat("and then we went on talking about the work we do every day ", 170000) // ~10 MB, no punctuation
	tests := []struct {
		name   string
		in     string
		err    error // the sentinel Parse must return, if any
		min    int   // at least this many turns
		reason string
	}{
		{name: "empty", in: "", err: transcript.ErrEmpty, reason: "nothing to parse"},
		{name: "white space only", in: " \n\t\r\n  ", err: transcript.ErrEmpty, reason: "no speech"},
		{name: "invisible only", in: "\u00a0\u200b\ufeff\u3000", err: transcript.ErrEmpty, reason: "no-break, zero-width spaces and a BOM are not speech"},
		{name: "NUL byte", in: "Hello?\x00 Hi.", err: transcript.ErrBinary, reason: "binary data"},
		{name: "invalid UTF-8", in: "Hello? \xc3\x28 Hi.", err: transcript.ErrInvalidUTF8, reason: "not text"},
		{name: "byte order mark", in: "\ufeffWhat do you do? I build boats.", min: 1, reason: "the BOM belongs to the first turn's range, which still starts the text"},
		{name: "only questions", in: "Why? How? When? Where? Who? What for?", min: 1, reason: "questions everywhere still alternate"},
		{name: "monologue", in: strings.Repeat("I went to the harbour and I built another boat with my own hands. ", 40), min: 1, reason: "one long speech may stay one turn"},
		{name: "all lower case, punctuated", in: "welcome to the show. so what do you build these days? boats, mostly. small wooden ones for the harbour, the kind people row on sundays. i started with my father when i was twelve. and why wooden boats and not fibreglass? because wood forgives you. you can mend it with your hands, on the beach, with a chisel and some glue. fibreglass needs a workshop and a mask. how long does one take you? about three months for a dinghy, if the weather is kind to me. longer in the winter, when the glue sets slowly. do you sell them? i sell four or five a year, and i keep one for myself every spring. that sounds like a good life. it is, most days. the money is thin but the sea is right there.", min: 6, reason: "sentences that open in lower case still end at their stops, so the questions and answers alternate as in the cased text"},
		{name: "all capitals", in: "SO WHAT DO YOU BUILD? I BUILD BOATS. WHY BOATS? BECAUSE I LOVE THE SEA.", min: 1, reason: "case does not matter to the invariants"},
		{name: "CRLF", in: "What do you build?\r\nI build boats.\r\n\r\nWhy?\r\nThe sea.", min: 1, reason: "line ends are white space"},
		{name: "zero-width and RTL marks", in: "What\u200b do you\u200f build?\u200e I build\u2067 boats.\u2069", min: 1, reason: "format characters stay inside turns"},
		{name: "emoji", in: "Do you like it? 😀 Yes! 👍🏽 Very much.", min: 1, reason: "emoji are text"},
		{name: "full-width question mark", in: "你做什么工作？我造船。为什么？因为我爱大海。", min: 1, reason: "full-width ？ ends a question"},
		{name: "Devanagari", in: "आप क्या करते हैं? मैं नावें बनाता हूँ। क्यों? मुझे समुद्र पसंद है।", min: 1, reason: "Hindi splits at ? and ।"},
		{name: "ten megabytes without punctuation", in: long, min: 1, reason: "the boundary model cuts it into units; linear time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.in)
			tr, err := transcript.Parse(src)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Parse error = %v, want %v (%s)", err, tt.err, tt.reason)
				}
				var e *transcript.Error
				if !errors.As(err, &e) {
					t.Fatalf("error %v is not a *transcript.Error", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v (%s)", err, tt.reason)
			}
			if len(tr.Turns) < tt.min {
				t.Fatalf("%d turns, want at least %d (%s)", len(tr.Turns), tt.min, tt.reason)
			}
			if len(src) < 1<<20 {
				checkTranscript(t, src, tr)
			} else {
				// The full check is slow on 10 MB; check coverage ends.
				if tr.Turns[0].Start != 0 || tr.Turns[len(tr.Turns)-1].End != len(bytes.TrimRight(src, " ")) {
					t.Fatalf("turns do not span the input")
				}
			}
		})
	}
	t.Run("over the size limit", func(t *testing.T) {
		p := transcript.Parser{MaxBytes: 10}
		_, err := p.Parse([]byte("What do you build? Boats."))
		var e *transcript.Error
		if !errors.Is(err, transcript.ErrTooLarge) || !errors.As(err, &e) || e.Offset != 10 {
			t.Fatalf("Parse = %v, want ErrTooLarge at byte 10", err)
		}
	})
}

// TestParseConcurrent parses in parallel; run with -race.
func TestParseConcurrent(t *testing.T) {
	src := []byte("Thanks for coming, Maya. What do you study? Kelp, mostly. Why kelp? It grows fast and feeds whole coasts.")
	want, err := transcript.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var wantJSON bytes.Buffer
	if err := want.WriteJSON(&wantJSON); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				tr, err := transcript.Parse(src)
				if err != nil {
					t.Error(err)
					return
				}
				var got bytes.Buffer
				if err := tr.WriteJSON(&got); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(got.Bytes(), wantJSON.Bytes()) {
					t.Error("a parallel parse wrote different JSON")
					return
				}
				_ = tr.Position(len(src) / 2)
				if tr.Turns[0].Role != speaker.Interviewer && tr.Turns[0].Role != speaker.Guest {
					t.Error("bad role")
				}
			}
		}()
	}
	wg.Wait()
}

// TestParseConcurrentAnyCPUs parses an input long enough for Parse to
// split its own work across CPUs, with one CPU and with several, and
// wants the same bytes of JSON: the result must not depend on how the
// work was cut. Run with -race, it also checks the parallel stages.
func TestParseConcurrentAnyCPUs(t *testing.T) {
	src := interview(t, 200<<10)
	render := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		tr, err := transcript.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Turns) < 100 {
			t.Fatalf("%d turns from %d bytes: too few to exercise the parallel stages", len(tr.Turns), len(src))
		}
		var b bytes.Buffer
		if err := tr.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	one := render(1)
	for _, procs := range []int{2, 3, 8} {
		if got := render(procs); !bytes.Equal(got, one) {
			t.Errorf("GOMAXPROCS=%d: JSON differs from GOMAXPROCS=1 (%d vs %d bytes)", procs, len(got), len(one))
		}
	}
}
