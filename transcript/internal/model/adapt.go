package model

import (
	"math"

	"github.com/textdiarize/diarize/turn"
)

// Adaptation: each speaker's wording is stable within one conversation
// (one says "you know" every other clause, the other "I think" and "my
// audience"). After a first decoding, the words of each unit are compared
// with what each speaker said in the rest of the conversation, weighted by
// the first pass's posteriors, and the log-likelihood ratio becomes a few
// extra features whose weights (AdaptWeights) are learned by the trainer
// on held-out first passes.

// NumAdapt is the number of adaptation features.
const NumAdapt = 6

// adaptMu is the Dirichlet prior mass that ties each speaker's word
// distribution to the conversation's.
const adaptMu = 200

// adaptScratch holds the tables of one adaptation pass, reused across
// passes.
type adaptScratch struct {
	uI, uG, bI, bG []float64
	out            [][NumAdapt]float64
}

// adaptFeatures returns the adaptation features of each unit of q given
// pI, the first pass's probability that the interviewer speaks each unit.
// sc, when not nil, lends its tables; the result lives in sc.out.
func adaptFeatures(q *Sequence, pI []float64, sc *adaptScratch) [][NumAdapt]float64 {
	if sc == nil {
		sc = new(adaptScratch)
	}
	n := q.Len()
	if cap(sc.out) < n {
		sc.out = make([][NumAdapt]float64, n)
	}
	out := sc.out[:n]
	clear(out)
	if n == 0 {
		return out
	}
	size := 1 << 10
	for size < 2*len(q.words) && size < 1<<16 {
		size <<= 1
	}
	msk := uint64(size - 1)
	// Unigram and bigram counts per speaker, in hashed buckets.
	if cap(sc.uI) < size {
		sc.uI = make([]float64, size)
		sc.uG = make([]float64, size)
		sc.bI = make([]float64, size)
		sc.bG = make([]float64, size)
	}
	uI, uG, bI, bG := sc.uI[:size], sc.uG[:size], sc.bI[:size], sc.bG[:size]
	clear(uI)
	clear(uG)
	clear(bI)
	clear(bG)
	var nuI, nuG, nbI, nbG float64
	for i := range q.sents {
		p := pI[i]
		ws := q.sents[i].words
		for k, w := range ws {
			h := w.h & msk
			uI[h] += p
			uG[h] += 1 - p
			if k > 0 {
				b := bigram(ws[k-1].h, w.h) & msk
				bI[b] += p
				bG[b] += 1 - p
			}
		}
		nw := float64(len(ws))
		nuI += p * nw
		nuG += (1 - p) * nw
		if len(ws) > 1 {
			nbI += p * (nw - 1)
			nbG += (1 - p) * (nw - 1)
		}
	}
	// The log-likelihood ratio of one word, leaving its own count out:
	//   log (ci + mu*pb)/(ni + mu) - log (cg + mu*pb)/(ng + mu)
	// where ci, cg are the word's counts less this occurrence, ni, ng the
	// totals less one word, and pb = (ci+cg+0.5)/(ni+ng+0.5*size) the
	// conversation's rate of the word. The totals' part is the same for
	// every word of a unit, so each word costs one logarithm.
	half := 0.5 * float64(size)
	uD := adaptMu / (nuI + nuG - 1 + half)
	bD := adaptMu / (nbI + nbG - 1 + half)
	for i := range q.sents {
		p := pI[i]
		ws := q.sents[i].words
		var u, b float64
		for k, w := range ws {
			h := w.h & msk
			ci, cg := uI[h]-p, uG[h]-(1-p)
			m := (ci + cg + 0.5) * uD
			u += logRatio(ci+m, cg+m)
			if k > 0 {
				h := bigram(ws[k-1].h, w.h) & msk
				ci, cg := bI[h]-p, bG[h]-(1-p)
				m := (ci + cg + 0.5) * bD
				b += logRatio(ci+m, cg+m)
			}
		}
		nw := float64(len(ws))
		u += nw * math.Log((nuG-(1-p)+adaptMu)/(nuI-p+adaptMu))
		if len(ws) > 1 {
			b += (nw - 1) * math.Log((nbG-(1-p)+adaptMu)/(nbI-p+adaptMu))
		}
		f := &out[i]
		f[0] = clip(u/5, 4)
		f[1] = clip(b/5, 4)
		f[2] = clip(u/math.Sqrt(nw+1), 4)
		switch {
		case len(ws) <= 3:
			f[3] = f[0]
		case len(ws) <= 12:
			f[4] = f[0]
		default:
			f[5] = f[0]
		}
	}
	return out
}

func bigram(a, b uint64) uint64 { return (a*31 + b) * 0x9E3779B97F4A7C15 >> 7 }

func clip(x, lim float64) float64 { return max(-lim, min(lim, x)) }

// interviewerProb returns the posterior probability that the interviewer
// speaks each segment under the chain the decoder uses.
func interviewerProb(segs []turn.Segment) []float64 {
	var d turn.Decoder
	return d.Posteriors(segs, nil)
}

// AdaptRounds is the number of adaptation passes: each learns the
// speakers' wording from the posteriors of the pass before.
const AdaptRounds = 2

// adapt adds the adaptation features, weighted by v, to the segments'
// scores, in AdaptRounds passes.
func adapt(q *Sequence, segs []turn.Segment, v *[NumAdapt]float64) {
	base := make([]float64, len(segs))
	for i := range segs {
		base[i] = segs[i].Score
	}
	var sc adaptScratch
	for r := 0; r < AdaptRounds; r++ {
		f := adaptFeatures(q, interviewerProb(segs), &sc)
		for i := range segs {
			segs[i].Score = base[i] + dot(v, &f[i])
		}
	}
}

func dot(v, f *[NumAdapt]float64) float64 {
	x := 0.0
	for k := range v {
		x += v[k] * f[k]
	}
	return x
}

// logRatio returns log(a/b) for positive a and b, to about 1e-6: it
// splits a/b into a power of two and a mantissa m in [1/√2, √2), and sums
// the series log m = 2·atanh((m-1)/(m+1)). Adaptation takes two of these
// per word; math.Log costs several times more.
func logRatio(a, b float64) float64 {
	x := a / b
	bits := math.Float64bits(x)
	e := int((bits>>52)&0x7ff) - 1023
	m := math.Float64frombits(bits&^(0x7ff<<52) | 1023<<52) // in [1, 2)
	if m > math.Sqrt2 {
		m /= 2
		e++
	}
	t := (m - 1) / (m + 1)
	t2 := t * t
	s := t * (2 + t2*(2.0/3+t2*(2.0/5+t2*(2.0/7+t2*(2.0/9)))))
	return float64(e)*math.Ln2 + s
}
