package model

import (
	"bytes"
	"os"
	"testing"

	"github.com/textdiarize/diarize/turn"
)

// benchText returns the example interview repeated to about a megabyte,
// cut into lines as units.
func benchText(tb testing.TB) ([]byte, []turn.Span) {
	tb.Helper()
	raw, err := os.ReadFile("../../../examples/diarize/sample.txt")
	if err != nil {
		tb.Fatal(err)
	}
	src := bytes.Repeat(append(bytes.TrimSpace(raw), ' '), (1<<20)/len(raw)+1)
	var units []turn.Span
	start := 0
	for i, c := range src {
		if c == '.' || c == '?' || c == '!' {
			units = append(units, turn.Span{Start: start, End: i + 1})
			start = i + 1
		}
	}
	return src, units
}

// BenchmarkScan is the word scan of every unit, the first step of scoring.
func BenchmarkScan(b *testing.B) {
	src, units := benchText(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var buf []word
	for b.Loop() {
		buf = buf[:0]
		for _, u := range units {
			_, buf = scan(src, u, buf)
		}
	}
}

// BenchmarkScore scores every unit: the scan, the features and the
// adaptation to the conversation.
func BenchmarkScore(b *testing.B) {
	src, units := benchText(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		ScoreLazy(src, units)
	}
}

// BenchmarkFeatures hashes the features of every unit, scan excluded.
func BenchmarkFeatures(b *testing.B) {
	src, units := benchText(b)
	q := scanUnits(src, units)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	bl := builder{q: q, emit: make([]uint32, 0, 64), toI: make([]uint32, 0, 32), toG: make([]uint32, 0, 32)}
	var sum uint32
	for b.Loop() {
		for i := range q.facts {
			bl.emit, bl.toI, bl.toG = bl.emit[:0], bl.toI[:0], bl.toG[:0]
			bl.features(i)
			sum += bl.emit[0]
		}
	}
	_ = sum
}
