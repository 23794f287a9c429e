package turn

import (
	"math/rand/v2"
	"testing"
)

// benchSegments returns n segments with scores spread like a parsed
// interview's: mostly the guest, a question now and then.
func benchSegments(n int) []Segment {
	r := rand.New(rand.NewPCG(1, 2))
	segs := make([]Segment, n)
	for i := range segs {
		s := &segs[i]
		s.Span = Span{Start: i * 90, End: i*90 + 89}
		s.Score = r.NormFloat64()*2 - 1
		s.ToInterviewer = r.NormFloat64() - 2
		s.ToGuest = r.NormFloat64() - 2
	}
	return segs
}

// BenchmarkRoles decodes about a megabyte of transcript's worth of
// segments: the Viterbi path and the posteriors.
func BenchmarkRoles(b *testing.B) {
	segs := benchSegments(12000)
	var d Decoder
	b.ReportAllocs()
	for b.Loop() {
		d.Roles(segs)
	}
}

// BenchmarkPosteriors is the forward-backward pass alone, as the
// adaptation runs it, into a reused slice.
func BenchmarkPosteriors(b *testing.B) {
	segs := benchSegments(12000)
	var d Decoder
	dst := make([]float64, len(segs))
	b.ReportAllocs()
	for b.Loop() {
		dst = d.Posteriors(segs, dst)
	}
}
