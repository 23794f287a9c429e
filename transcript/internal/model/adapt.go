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

// adaptFeatures returns the adaptation features of each unit of q given
// pI, the first pass's probability that the interviewer speaks each unit.
func adaptFeatures(q *Sequence, pI []float64) [][NumAdapt]float64 {
	n := q.Len()
	out := make([][NumAdapt]float64, n)
	if n == 0 {
		return out
	}
	size := 1 << 10
	for size < 2*len(q.words) && size < 1<<16 {
		size <<= 1
	}
	msk := uint64(size - 1)
	// Unigram and bigram counts per speaker, in hashed buckets.
	uI := make([]float64, size)
	uG := make([]float64, size)
	bI := make([]float64, size)
	bG := make([]float64, size)
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
	llr := func(cI, cG []float64, NI, NG float64, h uint64, p float64) float64 {
		ci := cI[h] - p
		cg := cG[h] - (1 - p)
		ni := NI - p
		ng := NG - (1 - p)
		pb := (ci + cg + 0.5) / (ni + ng + 0.5*float64(size))
		return math.Log((ci+adaptMu*pb)/(ni+adaptMu)) - math.Log((cg+adaptMu*pb)/(ng+adaptMu))
	}
	for i := range q.sents {
		p := pI[i]
		ws := q.sents[i].words
		var u, b float64
		for k, w := range ws {
			u += llr(uI, uG, nuI, nuG, w.h&msk, p)
			if k > 0 {
				b += llr(bI, bG, nbI, nbG, bigram(ws[k-1].h, w.h)&msk, p)
			}
		}
		l := float64(len(ws))
		f := &out[i]
		f[0] = clip(u/5, 4)
		f[1] = clip(b/5, 4)
		f[2] = clip(u/math.Sqrt(l+1), 4)
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
	roles, prob := d.Roles(segs)
	out := make([]float64, len(segs))
	for i, r := range roles {
		if r == turnInterviewer {
			out[i] = prob[i]
		} else {
			out[i] = 1 - prob[i]
		}
	}
	return out
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
	for r := 0; r < AdaptRounds; r++ {
		f := adaptFeatures(q, interviewerProb(segs))
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
