package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/textdiarize/diarize/turn"
)

// TestBoundaryExampleQuestions checks that the gold gaps of a caption-style
// text follow its punctuated twin: a sentence ends after the words before
// '.', '?' and '!', and a question only after those before '?'.
func TestBoundaryExampleQuestions(t *testing.T) {
	punct := "Where do you live? I live in Paris, near the river. Really! And you?"
	unpunct := "where do you live i live in paris near the river really and you"
	ex := BoundaryExampleFrom([]byte(unpunct), []byte(punct), nil)
	words := strings.Fields(unpunct)
	if len(ex.Ends) != len(words) || len(ex.Questions) != len(words) {
		t.Fatalf("%d ends and %d question flags for %d words", len(ex.Ends), len(ex.Questions), len(words))
	}
	// Word indexes: where 0, do 1, you 2, live 3, i 4, live 5, in 6,
	// paris 7, near 8, the 9, river 10, really 11, and 12, you 13.
	wantEnd := map[int]bool{3: true, 10: true, 11: true, 13: true}
	wantQ := map[int]bool{3: true, 13: true}
	for k := range words {
		if ex.Ends[k] != wantEnd[k] || ex.Questions[k] != wantQ[k] {
			t.Errorf("word %d %q: end %v question %v, want %v %v",
				k, words[k], ex.Ends[k], ex.Questions[k], wantEnd[k], wantQ[k])
		}
	}
}

// units cuts src into units at each "|", which it removes.
func units(src string) ([]byte, []turn.Span) {
	var out []byte
	var us []turn.Span
	from := 0
	for i, part := range strings.Split(src, "|") {
		if i > 0 {
			us = append(us, turn.Span{Start: from, End: len(out)})
			from = len(out)
		}
		out = append(out, part...)
	}
	return out, append(us, turn.Span{Start: from, End: len(out)})
}

// unmarked returns the Sequence of the units us of src with their words,
// which no question-end model has marked.
func unmarked(src []byte, us []turn.Span) *Sequence {
	return scanWords(src, us)
}

// TestTrainQuestions trains a question-end model on a few caption-style
// sentences and checks that it tells the questions among unseen ones, and
// that marking them makes them count as questions for the distances.
func TestTrainQuestions(t *testing.T) {
	punct := []string{
		"Where do you live? I live in Paris. What do you do there? I write code for a bank.",
		"How did you start? I started at school. Do you like it? I like it a lot.",
		"Why did you move? My wife found a job. Can you tell me more? She teaches music.",
		"What was the hardest part? The language was hard. Did you learn it? I am still learning.",
	}
	var exs []BoundaryExample
	for _, p := range punct {
		var u []byte
		for _, c := range []byte(strings.ToLower(p)) {
			if c != '?' && c != '.' && c != ',' {
				u = append(u, c)
			}
		}
		exs = append(exs, BoundaryExampleFrom(u, []byte(p), nil))
	}
	m := New()
	TrainQuestions(m, exs, TrainConfig{Iterations: 50, Rate: 0.1, L2: 1e-5})
	src, us := units("what do you like |i like the river |did you go there |i went there in may ")
	q := unmarked(src, us)
	q.markQuestions(m)
	for i, want := range []bool{true, false, true, false} {
		s := &q.facts[i]
		if got := s.last == predictedQ; got != want {
			t.Errorf("unit %d %q: question %v (bucket %d), want %v", i, src[us[i].Start:us[i].End], got, s.qend, want)
		}
		if s.qend == 0 {
			t.Errorf("unit %d: no question-end bucket", i)
		}
	}
	// scanUnits marks them with the default model, and the distances to
	// the nearest question count them.
	defer SetDefault(Default())
	SetDefault(m)
	q = scanUnits(src, us)
	for i, want := range []struct{ since, until int32 }{{-1, 2}, {1, 1}, {2, -1}, {1, -1}} {
		if q.sinceQ[i] != want.since || q.untilQ[i] != want.until {
			t.Errorf("unit %d: %d units since and %d until a question, want %d and %d",
				i, q.sinceQ[i], q.untilQ[i], want.since, want.until)
		}
	}
	// Punctuated units keep their own punctuation and get no bucket.
	src, us = units("What do you like. |I like the river? ")
	q = unmarked(src, us)
	q.markQuestions(m)
	if q.facts[0].last != '.' || q.facts[1].last != '?' || q.facts[0].qend != 0 || q.facts[1].qend != 0 {
		t.Errorf("punctuated units changed: %+v", q.facts)
	}
}

// TestEmbeddedQuestionEnds checks the embedded question-end model on
// caption units it has not seen: questions without their mark are taken
// for questions, and answers and statements are not.
func TestEmbeddedQuestionEnds(t *testing.T) {
	src, us := units("so how did you get started with all of this |" +
		"well i was a teacher for ten years before i moved into software |" +
		"and do you still teach |" +
		"not really i give a talk now and then |" +
		"what would you tell someone who wants to start today |" +
		"i would say just start building things ")
	q := scanUnits(src, us)
	for i, want := range []bool{true, false, true, false, true, false} {
		s := &q.facts[i]
		if got := s.asked(); got != want {
			t.Errorf("unit %d %q: question %v (bucket %d), want %v", i, src[us[i].Start:us[i].End], got, s.qend, want)
		}
		u := q.unit(i)
		c := cueList(q.cueBits(i, &u))
		if got := slices.Contains(c, turn.CueQuestionWords); got != want {
			t.Errorf("unit %d: cues %v", i, c)
		}
		if got := i > 0 && slices.Contains(c, turn.CueAfterQuestion); got != (i > 0 && q.facts[i-1].asked()) {
			t.Errorf("unit %d: cues %v after unit %d asked %v", i, c, i-1, q.facts[i-1].asked())
		}
	}
}
