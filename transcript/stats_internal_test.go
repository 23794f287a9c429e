package transcript

import (
	"math/rand/v2"
	"strings"
	"testing"
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
