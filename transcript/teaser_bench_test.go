package transcript

import (
	"bytes"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/textdiarize/diarize/transcript/internal/noise"
	"github.com/textdiarize/diarize/transcript/internal/unit"
)

// babble returns about size bytes of sentences of words drawn at random
// from the sample interview: text whose opening never recurs, so that the
// cold-open detection reads all of it.
func babble(tb testing.TB, size int) []byte {
	tb.Helper()
	sample, err := os.ReadFile("../examples/diarize/sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	words := bytes.Fields(sample)
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]byte, 0, size+64)
	for len(out) < size {
		n := 4 + r.IntN(16)
		for i := range n {
			if i > 0 {
				out = append(out, ' ')
			}
			out = append(out, words[r.IntN(len(words))]...)
		}
		out = append(out, ". "...)
	}
	return out
}

// BenchmarkTeaser measures the cold-open detection alone on 1 MB: on text
// whose opening never recurs (the whole input is read) and on the input
// of BenchmarkParse (the sample interview repeated, whose opening is all
// found again within a few copies).
func BenchmarkTeaser(b *testing.B) {
	inputs := []struct {
		name string
		src  []byte
	}{
		{"distinct/1MB", babble(b, 1<<20)},
		{"repeated/1MB", repeated(b, 1<<20)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			src := in.src
			spans := noise.Find(src)
			units := unit.Split(src, spans)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = findTeaser(src, spans, units)
			}
		})
	}
}

// repeated is the sample interview repeated to size bytes, as
// BenchmarkParse's input.
func repeated(tb testing.TB, size int) []byte {
	sample, err := os.ReadFile("../examples/diarize/sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	sample = bytes.TrimSpace(sample)
	var out []byte
	for len(out) < size {
		out = append(append(out, sample...), ' ')
	}
	return out
}
