package noise

import (
	"bytes"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

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

// nextRef is the tokenizer as first written, a byte at a time: the
// reference for the faster ones. It returns the first token of src at or
// after byte i: a run of bytes other than ASCII white space, keyed by the
// FNV-1a hash of its letters and digits (and apostrophes), lowercased, or
// 0 if it has none.
func nextRef(src []byte, i int) (t token, ok bool) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	if i == len(src) {
		return token{}, false
	}
	t.start = i
	h := uint64(offset)
	alnum := false
	for i < len(src) && !isSpace(src[i]) {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
				fallthrough
			case ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '\'':
				h = (h ^ uint64(c)) * prime
				alnum = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			alnum = true
		}
		i += n
	}
	t.end = i
	if alnum {
		t.key = h
	}
	return t, true
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func tokensRef(src []byte) []token {
	var toks []token
	for i := 0; ; {
		t, ok := nextRef(src, i)
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

// FuzzFind checks Find against the reference on any input. The seeds
// mix loops, stammers, punctuation, tabs and multi-byte runes.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"go go go go go go go",
		"a b a b a b a b a b",
		"x " + strings.Repeat("well, ", 14) + "ok well well, well",
		strings.Repeat("Ünï ünï ", 8) + "ÜNÏ ünï",
		"the the\tthe\nthe\r\nthe\vthe\fthe. the the",
		strings.Repeat("you know ", 13) + "you you know know you",
		"\xff\xfe \xff\xfe \xc3 \xc3 \xc3 \xc3 \xc3 \xc3",
		"... ... ... ... ... ... ... a a",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, want := Find(src), findRef(src)
		if !slices.Equal(got, want) {
			t.Fatalf("Find(%q) = %v, want %v", src, got, want)
		}
	})
}

// FuzzNext checks the tokenizer against the reference, token by token.
func FuzzNext(f *testing.F) {
	f.Add([]byte("It's, uh, the Ünïcode\tDON'T 42 ... x\xff\xc3y"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for i := 0; ; {
			got, gok := next(src, i)
			want, wok := nextRef(src, i)
			if got != want || gok != wok {
				t.Fatalf("next(%q, %d) = %v, %v, want %v, %v", src, i, got, gok, want, wok)
			}
			if !gok {
				return
			}
			i = got.end
		}
	})
}

// sample returns the example interview repeated to about 1 MB, its
// copies joined in turn by a space, a newline, a blank line and a CRLF.
func sample(tb testing.TB) []byte {
	tb.Helper()
	one, err := os.ReadFile("../../../examples/diarize/sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	one = bytes.TrimSpace(one)
	joins := []string{" ", "\n", " ", "\n\n", " ", "\r\n"}
	var src []byte
	for i := 0; len(src) < 1<<20; i++ {
		if i > 0 {
			src = append(src, joins[i%len(joins)]...)
		}
		src = append(src, one...)
	}
	return src
}

func TestFindSample(t *testing.T) {
	src := sample(t)
	if got, want := Find(src), findRef(src); !slices.Equal(got, want) {
		t.Fatalf("Find = %v, want %v", got, want)
	}
	src = withLoop(src)
	got, want := Find(src), findRef(src)
	if !slices.Equal(got, want) {
		t.Fatalf("with a loop: Find = %v, want %v", got, want)
	}
	if len(got) == 0 {
		t.Fatal("the loop was not found")
	}
}

// withLoop returns src with a recognizer loop in its middle, at a word
// boundary.
func withLoop(src []byte) []byte {
	mid := len(src) / 2
	for mid < len(src) && src[mid] != ' ' {
		mid++
	}
	out := slices.Clone(src[:mid+1])
	out = append(out, strings.Repeat("the ocean ", 30)...)
	return append(out, src[mid+1:]...)
}

func BenchmarkFind(b *testing.B) {
	src := sample(b)
	for _, bc := range []struct {
		name string
		src  []byte
	}{
		{"text", src},
		{"loop", withLoop(src)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.src)))
			b.ReportAllocs()
			for b.Loop() {
				Find(bc.src)
			}
		})
	}
}
