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
