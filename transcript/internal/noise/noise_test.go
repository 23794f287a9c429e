package noise

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/textdiarize/diarize/turn"
)

// TestFindStream checks the streaming Find against a reference that
// tokenizes the whole input first, on inputs with loops of every size,
// long enough for the stream to drop tokens many times.
func TestFindStream(t *testing.T) {
	words := []string{"the", "The", "a", "so", "yeah", "you", "know", "I", "mean", "...", "don't", "Ünïcode"}
	r := rand.New(rand.NewPCG(1, 2))
	found := 0
	for trial := range 200 {
		var b strings.Builder
		for b.Len() < 200+trial*100 {
			if r.IntN(40) == 0 {
				// A loop: a phrase of 1 to 4 words repeated 2 to 12 times.
				phrase := make([]string, 1+r.IntN(4))
				for k := range phrase {
					phrase[k] = words[r.IntN(len(words))]
				}
				for range 2 + r.IntN(15) {
					b.WriteString(strings.Join(phrase, " ") + " ")
				}
				continue
			}
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString([]string{" ", "\n", "  ", "\r\n"}[r.IntN(4)])
		}
		src := []byte(b.String())
		got, want := Find(src), findRef(src)
		found += len(want)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: Find = %v, want %v", trial, got, want)
		}
	}
	if found < 200 {
		t.Errorf("the inputs hold only %d loops; the test needs more", found)
	}
}

func tokensRef(src []byte) []token {
	var toks []token
	for i := 0; ; {
		t, ok := next(src, i)
		if !ok {
			return toks
		}
		toks = append(toks, t)
		i = t.end
	}
}

func findRef(src []byte) []turn.Span {
	toks := tokensRef(src)
	var out []turn.Span
	var loops []uint64 // keys of the words that loop
	i := 0
	for i < len(toks) {
		bestEnd, bestL := i, 0
		for L := 1; L <= MaxPhrase && i+L < len(toks); L++ {
			if toks[i].key == 0 {
				break
			}
			j := i + L
			for j < len(toks) && toks[j].key == toks[j-L].key {
				j++
			}
			count := (j - i) / L
			need := MinPhraseRepeats
			if L == 1 {
				need = MinWordRepeats
			}
			if count >= need && j > bestEnd {
				bestEnd, bestL = j, L
			}
		}
		if bestL == 0 {
			i++
			continue
		}
		span := turn.Span{Start: toks[i].start, End: toks[bestEnd-1].end}
		strong := (bestEnd-i)/bestL >= StrongRepeats
		if !strong && strings.ContainsAny(string(src[span.Start:toks[bestEnd-1].start]), ",.;:!?-") {
			i++
			continue
		}
		out = append(out, span)
		if strong {
			for k := i; k < i+bestL; k++ {
				loops = appendUnique(loops, toks[k].key)
			}
		}
		i = bestEnd
	}
	if len(loops) == 0 {
		return out
	}
	// Second pass: shorter runs of a word that loops elsewhere.
	var all []turn.Span
	k := 0
	for i := 0; i < len(toks); {
		for k < len(out) && out[k].End <= toks[i].start {
			k++
		}
		if k < len(out) && out[k].Start <= toks[i].start {
			all = append(all, out[k])
			for i < len(toks) && toks[i].start < out[k].End {
				i++
			}
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].key == toks[i].key && (k >= len(out) || toks[j].start < out[k].Start) {
			j++
		}
		if j-i >= 2 && contains(loops, toks[i].key) {
			all = append(all, turn.Span{Start: toks[i].start, End: toks[j-1].end})
			i = j
			continue
		}
		i++
	}
	return all
}

func TestFindStammerIsSpeech(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		reason   string
	}{
		{"stammer with commas", "So it's, it's, it's, it's, it's, it's hard to say.", nil,
			"a person repeating a word is transcribed with commas; that is speech"},
		{"phrase stammer", "and you would, you would, you would, you would see it", nil,
			"a repeated phrase with commas is speech too"},
		{"bare loop", "then go go go go go go go and more", []string{"go go go go go go go"},
			"seven bare repeats with nothing between is a recognizer loop"},
		{"bare loop ending a clause", "fish fish fish fish fish fish fish, you know", []string{"fish fish fish fish fish fish fish,"},
			"the comma after the last repeat belongs to the sentence"},
		{"long punctuated loop", "x " + strings.Repeat("well, ", 14) + "ok", []string{strings.TrimSuffix(strings.Repeat("well, ", 14), " ")},
			"from StrongRepeats on, even a punctuated run is a loop"},
		{"short run of a weak word", "it's, it's fine. " + strings.Repeat("it's, ", 7) + "done", nil,
			"a punctuated run under StrongRepeats makes no word a loop word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Find([]byte(tt.in)) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
			}
		})
	}
}
