package transcript

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// TestCountWords compares countWords with strings.Fields, which splits at
// the same ASCII white space (and at Unicode spaces, which the inputs
// here leave out).
func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "a b", "a  b\tc\r\nd", "\v\fx", "héllo wörld", "x\x00y z"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	parts := []string{" ", "\t", "\n", "\r", "\v", "\f", "a", "Z", "9", ".", "é", "日", "\x00", "—"}
	for trial := range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Fatalf("trial %d: countWords(%q) = %d, want %d", trial, s, got, want)
		}
	}
}

// TestDescribeLeavesOutColdOpenQuestions checks that a question of the
// cold open, a clip asked again later, is listed once: where it is asked.
func TestDescribeLeavesOutColdOpenQuestions(t *testing.T) {
	src := "What is next? Boats. Welcome to the show. What is next? Boats, always."
	tr := &Transcript{src: []byte(src), str: src}
	tr.Speakers = []speaker.Speaker{{ID: "S1", Role: speaker.Interviewer}, {ID: "S2", Role: speaker.Guest}}
	q := func(s, e int, score float64) turn.Sentence {
		return turn.Sentence{Span: turn.Span{Start: s, End: e}, Question: score}
	}
	tr.Turns = []turn.Turn{
		{Role: speaker.Interviewer, Span: turn.Span{Start: 0, End: 13}, Teaser: true, Sentences: []turn.Sentence{q(0, 13, 0.9)}},
		{Role: speaker.Guest, Span: turn.Span{Start: 14, End: 20}, Teaser: true, Sentences: []turn.Sentence{q(14, 20, 0)}},
		{Role: speaker.Interviewer, Span: turn.Span{Start: 21, End: 55}, Sentences: []turn.Sentence{q(21, 41, 0), q(42, 55, 0.9)}},
		{Role: speaker.Guest, Span: turn.Span{Start: 56, End: 70}, Sentences: []turn.Sentence{q(56, 70, 0)}},
	}
	for i := range tr.Turns {
		tu := &tr.Turns[i]
		tu.Text = src[tu.Start:tu.End]
	}
	tr.describe()
	want := []Question{{Span: turn.Span{Start: 42, End: 55}, Text: "What is next?"}}
	if diff := cmp.Diff(want, tr.Questions); diff != "" {
		t.Errorf("Questions mismatch (-want +got):\n%s", diff)
	}
	if got := tr.Speakers[0].Stats.Questions; got != 2 {
		t.Errorf("interviewer's Stats.Questions = %d, want 2: the statistics count what was heard, clips too", got)
	}
}

// TestDescribeConfidence checks the transcript's confidence: the turns'
// confidences weighted by their words, rounded to three decimals, and 0
// with no words.
func TestDescribeConfidence(t *testing.T) {
	for _, tc := range []struct {
		name  string
		turns []turn.Turn
		want  float64
	}{
		{"none", nil, 0},
		{"no words", []turn.Turn{{Role: speaker.Guest, Text: " ", Confidence: 0.9}}, 0},
		{"one", []turn.Turn{{Role: speaker.Guest, Text: "a b", Confidence: 0.8}}, 0.8},
		// (1·0.5 + 3·0.9) / 4 = 0.8; a plain mean of the turns would be 0.7.
		{"weighted", []turn.Turn{
			{Role: speaker.Interviewer, Text: "why", Confidence: 0.5},
			{Role: speaker.Guest, Text: "because it is", Confidence: 0.9},
		}, 0.8},
		// 2/3 rounds to 0.667.
		{"rounded", []turn.Turn{
			{Role: speaker.Interviewer, Text: "x", Confidence: 0},
			{Role: speaker.Guest, Text: "y z", Confidence: 1},
		}, 0.667},
	} {
		tr := &Transcript{Turns: tc.turns, Confidence: -1}
		tr.Speakers = []speaker.Speaker{{ID: "S1", Role: speaker.Interviewer}, {ID: "S2", Role: speaker.Guest}}
		tr.describe()
		if tr.Confidence != tc.want {
			t.Errorf("%s: Confidence = %v, want %v", tc.name, tr.Confidence, tc.want)
		}
	}
}
