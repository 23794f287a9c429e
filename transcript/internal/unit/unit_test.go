package unit

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/textdiarize/diarize/transcript/internal/model"
	"github.com/textdiarize/diarize/turn"
)

// TestMaxWords checks that maxWords never counts fewer words than
// model.WordCount, on random text mixing the characters that start, join
// and end the model's words.
func TestMaxWords(t *testing.T) {
	parts := []string{"a", "Z", "7", "é", "ß", "日本", " ", "\n", "'", "-", "’", "—", "…", ".", ",", "?", "？", "\u00a0", "don't", "well-known", "it’s"}
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 2000 {
		var b strings.Builder
		for range r.IntN(200) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		src := []byte(b.String())
		s := turn.Span{Start: 0, End: len(src)}
		n := model.WordCount(src, s)
		if got := maxWords(src, s, 1<<30); got < n {
			t.Fatalf("trial %d: maxWords(%q) = %d, below the %d words of model.WordCount", trial, src, got, n)
		}
		if got := maxWords(src, s, 5); got > 5 {
			t.Fatalf("trial %d: maxWords(%q, limit 5) = %d", trial, src, got)
		}
	}
}

// TestSentencesCaseless checks that a long punctuated stretch written
// without capitals, which the splitter keeps whole, is split at its
// sentence ends, while cased text and text without punctuation are cut as
// before.
func TestSentencesCaseless(t *testing.T) {
	var lower strings.Builder
	for range 8 {
		lower.WriteString("so what do you build these days? boats, mostly small wooden ones for the harbour. and why boats? because my father built them, and his father too. ")
	}
	src := []byte(strings.TrimSpace(lower.String()))
	got := Sentences(src)
	if want := 32; len(got) != want {
		t.Fatalf("%d units of the lower-case text, want %d, one per sentence: %q", len(got), want, spanTexts(src, got))
	}
	for i, s := range got {
		if c := src[s.End-1]; c != '?' && c != '.' {
			t.Errorf("unit %d %q does not end at a stop", i, src[s.Start:s.End])
		}
	}
	// Without its stops, as captions, the boundary model cuts it.
	bare := []byte(strings.NewReplacer("?", "", ".", "", ",", "").Replace(string(src)))
	if n := len(Sentences(bare)); n < 8 {
		t.Errorf("the text without punctuation gave %d units, want it cut by the boundary model", n)
	}
	// One long cased sentence with a single stop before a lower-case
	// word is not caseless: it stays one unit.
	one := "So we sailed on for hours, past the point and the old lighthouse and the rocks where the seals lie, " +
		"and I kept thinking about the engine, which had cost us a fortune, e.g. the new pump and the cables and the fuel filter that kept clogging, " +
		"until we finally reached the harbour at dusk with nothing left in the tank and nobody waiting for us on the quay."
	if got := Sentences([]byte(one)); len(got) != 1 {
		t.Errorf("a long cased sentence gave %d units: %q", len(got), spanTexts([]byte(one), got))
	}
}

func spanTexts(src []byte, ss []turn.Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, string(src[s.Start:s.End]))
	}
	return out
}
