package model

import (
	"math"

	"github.com/textdiarize/diarize/transcript/internal/par"
	"github.com/textdiarize/diarize/turn"
)

// Sentence boundaries in unpunctuated text. Automatic captions arrive in
// lowercase with no punctuation; a logistic model over the words around
// each gap between two words guesses where a sentence ends, so the text
// can be cut into units the speaker model can score. It is trained on
// caption-style copies of punctuated transcripts (see ./train).

// Boundary feature templates.
const (
	bBias = 200 + iota
	bPrev
	bNext
	bPrev2
	bNext2
	bPrevBi
	bNextBi
	bAcross
	bSince
)

// cutBias is the boundary score (log-odds) above which a gap is cut: below
// zero, so that a gap is cut when a sentence end is fairly likely there,
// not only when it is more likely than not. Shorter units cost little (the
// speaker model scores them with their neighbours, and knows from
// [Sequence.cutBucket] how sure each cut was) and miss fewer changes of
// speaker, which can only fall between units. Chosen on the training
// corpus, trained on half of its episodes and scored on the other half:
// before the speaker model knew the cuts' scores, the caption-style copies
// gave acc 0.813, 0.827, 0.834 and bF1@3 0.502, 0.536, 0.523 for a bias of
// 0, -1 and -2; knowing them, 0.829, 0.831, 0.826 and bF1@3 0.576, 0.583,
// 0.573 for -1, -2 and -3 (the punctuated copies within 0.003).
const cutBias = -2.0

// MinUnitWords and MaxUnitWords bound the units cut from unpunctuated
// text: no cut leaves fewer than MinUnitWords words before it, and a run
// of MaxUnitWords words is always cut. One word is allowed: "yeah" or
// "right" inside an answer is often the other speaker's whole turn. On
// held-out halves of the training corpus the caption copies gave acc
// 0.800, 0.802, 0.809 and bF1@3 0.534, 0.551, 0.559 for a floor of 3, 2
// and 1 words (a cut bias of -0.5 with one word: 0.800 / 0.540).
const (
	MinUnitWords = 1
	MaxUnitWords = 40
	// LongSpanWords is the length from which a span without sentence
	// punctuation is cut by the boundary model.
	LongSpanWords = 60
)

// boundaryFeatures appends the features of the gap after word k of ws,
// since words after the last cut: those of the words around the gap, then
// that of since.
func boundaryFeatures(dst []uint32, ws []word, k, since int) []uint32 {
	return append(gapFeatures(dst, ws, k), sinceFeature(since))
}

const bmask = 1<<BoundaryBits - 1

// gapFeatures appends the features of the words around the gap after word
// k of ws.
func gapFeatures(dst []uint32, ws []word, k int) []uint32 {
	at := func(j int) uint64 {
		if j < 0 || j >= len(ws) {
			return none
		}
		return ws[j].h
	}
	f := func(tmpl uint64, vals ...uint64) uint32 { return fold(mix64(tmpl, vals...)) & bmask }
	return append(dst,
		f(bBias),
		f(bPrev, at(k)),
		f(bNext, at(k+1)),
		f(bPrev2, at(k-1)),
		f(bNext2, at(k+2)),
		f(bPrevBi, at(k-1), at(k)),
		f(bNextBi, at(k+1), at(k+2)),
		f(bAcross, at(k), at(k+1)),
	)
}

// gapScore is the boundary model's log-odds of a sentence end between the
// units pr and s, worked out from what the units keep of their words: the
// two before the gap, the two after it, and pr's words as the words since
// the last cut. Where pr and s are cuts of one unpunctuated span and each
// has two words or more, this is the score the cut was made with.
func gapScore(B []float32, pr, s *sentence) float32 {
	ws := [4]word{{h: pr.lastw(1)}, {h: pr.lastw(0)}, {h: s.first(0)}, {h: s.first(1)}}
	var buf [8]uint32
	z := B[sinceFeature(min(len(pr.words), 60))]
	for _, j := range gapFeatures(buf[:0], ws[:], 1) {
		z += B[j]
	}
	return z
}

// cutBucket buckets the boundary score of the gap between units pr and
// s, in steps of one from below -4 to 4 and above: a change of speaker
// comes where a sentence surely ends, seldom where the cut was a near
// thing or forced on a long run of words. The score is [Default]'s, the
// model the units were cut with (the trainer sets its new boundary model
// as the default before it cuts any).
func cutBucket(pr, s *sentence) uint64 {
	z := gapScore(Default().B, pr, s)
	return uint64(max(0, min(9, int(math.Floor(float64(z)))+5)))
}

// sinceFeature is the feature of a gap since words after the last cut.
func sinceFeature(since int) uint32 {
	sb := uint64(since)
	if since > 20 {
		sb = 20 + uint64(min(since, 60)/10)
	}
	return fold(mix64(bSince, sb)) & bmask
}

// Cuts returns the offsets at which the unpunctuated span s of src should
// be cut into sentence-like units: each offset is the start of the first
// word of a new unit. The scan is greedy from left to right: whether a gap
// is cut depends on the words since the last cut. So the scores of the
// words around each gap, which do not, are summed first, on all CPUs, and
// the walk from left to right adds the score of the words since the last
// cut: in the same order as one sum, so the result is the same.
func (m *Model) Cuts(src []byte, s turn.Span, dst []int) []int {
	_, ws := scan(src, s, wordRoom(s.Len()))
	if len(ws) < 2 {
		return dst
	}
	gap := make([]float32, len(ws)-1)
	par.Range(len(gap), 4096, func(lo, hi int) {
		var fs []uint32
		for k := lo; k < hi; k++ {
			fs = gapFeatures(fs[:0], ws, k)
			var z float32
			for _, j := range fs {
				z += m.B[j]
			}
			gap[k] = z
		}
	})
	var sinceW [61]float32 // the since feature's weight; all from 60 on are one
	for i := range sinceW {
		sinceW[i] = m.B[sinceFeature(i)]
	}
	since := 0
	for k := range gap {
		since++
		if since < MinUnitWords {
			continue
		}
		cut := since >= MaxUnitWords || gap[k]+sinceW[min(since, 60)] > cutBias
		if cut {
			dst = append(dst, int(ws[k+1].start))
			since = 0
		}
	}
	return dst
}

// Cuts cuts an unpunctuated span with the embedded model.
func Cuts(src []byte, s turn.Span, dst []int) []int { return Default().Cuts(src, s, dst) }

// WordCount returns the number of words in span s of src.
func WordCount(src []byte, s turn.Span) int {
	_, ws := scan(src, s, nil)
	return len(ws)
}

// AtLeastWords reports whether span s of src holds at least n words, as
// [WordCount] counts them, reading only as far as it must: the words of
// a prefix of s, cut anywhere, are the prefix's whole words and at most
// one cut short, so a prefix with n+1 of them settles it.
func AtLeastWords(src []byte, s turn.Span, n int) bool {
	var buf [64]word
	for end := min(s.End, s.Start+4096); ; end = min(s.End, s.Start+2*(end-s.Start)) {
		_, ws := scan(src, turn.Span{Start: s.Start, End: end}, buf[:0])
		if end == s.End {
			return len(ws) >= n
		}
		if len(ws) > n {
			return true
		}
	}
}

// A BoundaryExample is one unpunctuated text with the gold gaps: Ends[k]
// is true when a sentence ends after word k, Questions[k] when a question
// does.
type BoundaryExample struct {
	Src       []byte
	Ends      []bool
	Questions []bool
}

// TrainBoundaries fits the boundary model by logistic regression with
// full-batch Adam, adding its weights to m.B.
func TrainBoundaries(m *Model, exs []BoundaryExample, cfg TrainConfig) {
	var xs [][]uint32
	var ys []float64
	for _, ex := range exs {
		_, ws := scan(ex.Src, turn.Span{Start: 0, End: len(ex.Src)}, nil)
		since := 0
		for k := 0; k+1 < len(ws) && k < len(ex.Ends); k++ {
			since++
			y := 0.0
			if ex.Ends[k] {
				y = 1
			}
			if since >= MinUnitWords && since < MaxUnitWords {
				xs = append(xs, boundaryFeatures(nil, ws, k, since))
				ys = append(ys, y)
			}
			if y == 1 {
				since = 0
			}
		}
	}
	fitLogistic(m.B, xs, ys, cfg)
}

// BoundaryExampleFrom builds a training example for the boundary model
// from an unpunctuated text and its punctuated twin: a sentence ends
// after an unpunctuated word when the aligned punctuated word is followed
// by '.', '?', '!' or '…', or when a gold turn (turnStarts, offsets into
// unpunctuated) starts at the next word; a question ends there when it is
// followed by '?'.
func BoundaryExampleFrom(unpunct, punct []byte, turnStarts []int) BoundaryExample {
	_, uw := scan(unpunct, turn.Span{End: len(unpunct)}, nil)
	_, pw := scan(punct, turn.Span{End: len(punct)}, nil)
	pend := make([]bool, len(pw))
	pq := make([]bool, len(pw))
	for j := range pw {
		stop := len(punct)
		if j+1 < len(pw) {
			stop = int(pw[j+1].start)
		}
		for _, c := range punct[int(pw[j].end):stop] {
			if c == '.' || c == '?' || c == '!' {
				pend[j] = true
			}
			if c == '?' {
				pq[j] = true
			}
		}
		if e := int(pw[j].end); stop-e >= 3 && string(punct[e:e+3]) == "…" {
			pend[j] = true
		}
	}
	ends := make([]bool, len(uw))
	qs := make([]bool, len(uw))
	// Greedy alignment with a small look-ahead to resynchronise.
	const look = 6
	i, j := 0, 0
	for i < len(uw) && j < len(pw) {
		if uw[i].h == pw[j].h {
			ends[i], qs[i] = pend[j], pq[j]
			i++
			j++
			continue
		}
		di, dj := -1, -1
		for d := 1; d <= look && dj < 0; d++ {
			if j+d < len(pw) && pw[j+d].h == uw[i].h {
				dj = d
			}
		}
		for d := 1; d <= look && di < 0; d++ {
			if i+d < len(uw) && uw[i+d].h == pw[j].h {
				di = d
			}
		}
		switch {
		case dj > 0 && (di < 0 || dj <= di):
			j += dj
		case di > 0:
			i += di
		default:
			i++
			j++
		}
	}
	t := 0
	for k := 0; k+1 < len(uw); k++ {
		for t < len(turnStarts) && turnStarts[t] < int(uw[k+1].start) {
			t++
		}
		if t < len(turnStarts) && turnStarts[t] < int(uw[k+1].end) {
			ends[k] = true
		}
	}
	return BoundaryExample{Src: unpunct, Ends: ends, Questions: qs}
}
