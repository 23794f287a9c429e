package model

import (
	"math"
	"sync"

	"github.com/textdiarize/diarize/transcript/internal/par"
	"github.com/textdiarize/diarize/turn"
)

// Adaptation: each speaker's wording is stable within one conversation
// (one says "you know" every other clause, the other "I think" and "my
// audience"). After a first decoding, the words of each unit are compared
// with what each speaker said in the rest of the conversation, weighted by
// the first pass's posteriors, and the log-likelihood ratio becomes a few
// extra features whose weights (adaptWeights) are learned by the trainer
// on held-out first passes.
//
// The ratios are summed over all the words (and word pairs) of a unit, and
// again over its frequent ones only, those of buckets counted at least
// [frequent] times. A frequent word's ratio says how its speakers use it; a
// rare word's is mostly the prior's, and under a Dirichlet prior a word
// seen nowhere else leans to whichever speaker said less, which is
// evidence too (a new topic tends to come with a question) but a weaker
// and a different one. Kept apart, the two get weights of their own:
// held-out, trained on three of the training corpus's shows and scored on
// the other three, punctuated acc 0.863 -> 0.868, captions 0.827 -> 0.835
// (with frequent at 16; at 4, 0.870 and 0.840).

// NumAdapt is the number of adaptation features.
const NumAdapt = 8

// adaptMu is the Dirichlet prior mass that ties each speaker's word
// distribution to the conversation's.
const adaptMu = 200

// adaptScratch holds the tables of one adaptation pass, reused across
// passes.
type adaptScratch struct {
	size  int    // buckets in each table, a power of two
	cells []cell // unigram buckets, then bigram buckets
	dirty bool   // cells holds a pass's counts
	// touched lists the unigram and the bigram buckets the last pass
	// counted into, when the tables had tsize buckets each: all the
	// cells that are not zero. A short conversation touches a few of the
	// buckets, so a pass clears and works out only those.
	touched [2][]uint16
	tsize   int
}

// A cell is one hashed bucket: the posterior-weighted counts of each
// speaker and, for a frequent bucket, its log ratios at p = 0 and p = 1.
type cell struct {
	cI, cG float32
	v0, v1 float32
}

// adaptFeatures returns the adaptation features of each unit of q given
// pI, the first pass's probability that the interviewer speaks each unit.
// The units of a cold open (q.cold) are not counted: its clips repeat
// passages of the conversation, so their words, counted, would count
// twice and vouch for whichever role the first pass gave the passages
// they repeat, right or wrong. They are compared with the rest like any
// unit, with nothing of their own to leave out. sc, when not nil, lends
// its tables.
func adaptFeatures(q *Sequence, pI []float64, sc *adaptScratch) [][NumAdapt]float64 {
	if sc == nil {
		sc = new(adaptScratch)
	}
	out := make([][NumAdapt]float64, q.Len())
	adaptPass(q, pI, sc, func(i int, f [NumAdapt]float64) { out[i] = f })
	return out
}

// adaptPass works out the adaptation features of each unit of q given
// pI, as adaptFeatures, and hands them to use, unit by unit, on all CPUs:
// use(i, f) is called once for each unit i; the features go by value,
// so that they need not escape to the heap. sc lends its tables.
func adaptPass(q *Sequence, pI []float64, sc *adaptScratch, use func(i int, f [NumAdapt]float64)) {
	n := q.Len()
	if n == 0 {
		return
	}
	sc.prepare(q)
	size := sc.size
	msk := uint64(size - 1)
	cells := sc.cells[:2*size]
	uc, bc := cells[:size], cells[size:] // unigram and bigram buckets
	if sc.dirty {
		for _, k := range sc.touched[0] {
			sc.cells[k] = cell{}
		}
		for _, k := range sc.touched[1] {
			sc.cells[sc.tsize+int(k)] = cell{}
		}
	}
	sc.dirty, sc.tsize = true, size
	// The unigram and the bigram buckets on two CPUs, each table counted
	// and given its log ratios by one goroutine: each cell is summed in
	// the same order either way.
	half := 0.5 * float64(size)
	var nuI, nuG, nbI, nbG, uD, bD float64
	par.Do(func() {
		t := sc.touched[0][:0]
		for i := q.cold; i < n; i++ {
			p := float32(pI[i])
			ws := q.words(i)
			for _, w := range ws {
				k := uint16(uint64(w) & msk)
				c := &uc[k]
				if c.cI == 0 && c.cG == 0 {
					t = append(t, k)
				}
				c.cI += p
				c.cG += 1 - p
			}
			pp, nw := float64(p), float64(len(ws))
			nuI += pp * nw
			nuG += (1 - pp) * nw
		}
		sc.touched[0] = t
		uD = adaptMu / (nuI + nuG - 1 + half)
		frequentRatios(uc, t, uD)
	}, func() {
		t := sc.touched[1][:0]
		for i := q.cold; i < n; i++ {
			p := float32(pI[i])
			ws := q.words(i)
			for k := 1; k < len(ws); k++ {
				b := uint16(bigram(ws[k-1], ws[k]) & msk)
				c := &bc[b]
				if c.cI == 0 && c.cG == 0 {
					t = append(t, b)
				}
				c.cI += p
				c.cG += 1 - p
			}
			if pp, nw := float64(p), float64(len(ws)); len(ws) > 1 {
				nbI += pp * (nw - 1)
				nbG += (1 - pp) * (nw - 1)
			}
		}
		sc.touched[1] = t
		bD = adaptMu / (nbI + nbG - 1 + half)
		frequentRatios(bc, t, bD)
	})
	// word returns a bucket's log ratio for a word that p says the
	// interviewer spoke: exactly for a rare bucket, as the ratios at p = 0
	// and 1 and the count 1 for a frequent one.
	word := func(c *cell, p, D float64) (exact, v0, v1, freq float64) {
		cI, cG := float64(c.cI), float64(c.cG)
		if !isFrequent(cI, cG) {
			return smoothedRatio(cI-p, cG-(1-p), cI+cG-1, D), 0, 0, 0
		}
		return 0, float64(c.v0), float64(c.v1), 1
	}
	// Each word's share of its speaker's words, left out of the counts:
	// log((nG-(1-p)+mu)/(nI-p+mu)), as the ratio at p = 0 and 1 plus two
	// small corrections (see leaveOut).
	uRatio, bRatio := leaveOut(nuI, nuG), leaveOut(nbI, nbG)
	// A unit of the cold open, not counted, has nothing to leave out:
	// each of its words' ratios is worked out exactly.
	outside := func(ws []uint32) (u, b, uf, bf float64) {
		ratio := func(c *cell, D float64) (float64, bool) {
			cI, cG := float64(c.cI), float64(c.cG)
			return smoothedRatio(cI, cG, cI+cG, D), isFrequent(cI, cG)
		}
		for k, w := range ws {
			r, f := ratio(&uc[uint64(w)&msk], uD)
			r += uRatio.log0
			if u += r; f {
				uf += r
			}
			if k > 0 {
				r, f := ratio(&bc[bigram(ws[k-1], w)&msk], bD)
				r += bRatio.log0
				if b += r; f {
					bf += r
				}
			}
		}
		return u, b, uf, bf
	}
	par.Range(n, 128, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ws := q.words(i)
			if i < q.cold {
				u, b, uf, bf := outside(ws)
				use(i, adaptVector(u, b, uf, bf, len(ws)))
				continue
			}
			p := float64(float32(pI[i]))
			// u and b sum the ratios of the unit's words and word pairs,
			// uf and bf those of its frequent ones.
			var u, b, u0, u1, b0, b1, nu, nb float64
			for k, w := range ws {
				e, v0, v1, f := word(&uc[uint64(w)&msk], p, uD)
				u, u0, u1, nu = u+e, u0+v0, u1+v1, nu+f
				if k > 0 {
					e, v0, v1, f := word(&bc[bigram(ws[k-1], w)&msk], p, bD)
					b, b0, b1, nb = b+e, b0+v0, b1+v1, nb+f
				}
			}
			ur, br := uRatio.at(p), bRatio.at(p)
			uf := (1-p)*u0 + p*u1 + nu*ur
			bf := (1-p)*b0 + p*b1 + nb*br
			nw := float64(len(ws))
			u, b = u+uf, b+bf
			u += (nw - nu) * ur
			if len(ws) > 1 {
				b += (nw - 1 - nb) * br
			}
			use(i, adaptVector(u, b, uf, bf, len(ws)))
		}
	})
}

// adaptVector returns the adaptation features of a unit of nw words whose
// words' and word pairs' log ratios sum to u and b, and those of its
// frequent ones to uf and bf.
func adaptVector(u, b, uf, bf float64, nw int) [NumAdapt]float64 {
	var f [NumAdapt]float64
	f[0] = clip(u/5, 4)
	f[1] = clip(b/5, 4)
	f[2] = clip(u/math.Sqrt(float64(nw)+1), 4)
	switch {
	case nw <= 3:
		f[3] = f[0]
	case nw <= 12:
		f[4] = f[0]
	default:
		f[5] = f[0]
	}
	f[6] = clip(uf/5, 4)
	f[7] = clip(bf/5, 4)
	return f
}

// maxBuckets is the most buckets each of the unigram and the bigram
// tables has: a bucket number fits in a uint16 of the touched lists.
const maxBuckets = 1 << 16

// prepare makes sure the tables of sc are large enough for q: about two
// buckets a word, up to maxBuckets each. A word's buckets are worked out
// from its hash as each pass needs them, not kept: four bytes a word
// less.
func (sc *adaptScratch) prepare(q *Sequence) {
	size := 1 << 10
	for size < 2*q.nwords && size < maxBuckets {
		size <<= 1
	}
	sc.size = size
	if cap(sc.cells) < 2*size {
		sc.cells, sc.dirty = make([]cell, 2*size), false
	}
}

// A ratio is log((g-(1-p))/(i-p)) as a function of p in [0, 1], for
// counts g and i of at least adaptMu: log(g/i) plus log1p of two
// corrections no larger than 1/adaptMu in size, where a short series is
// exact to the last bits of a float64 and costs a fraction of math.Log.
type ratio struct {
	log0   float64 // log(g/i)
	ig, ii float64 // 1/g and 1/i
}

// leaveOut returns the ratio of the speakers' word counts nG and nI, each
// tied to the prior mass adaptMu.
func leaveOut(nI, nG float64) ratio {
	g, i := nG+adaptMu, nI+adaptMu
	return ratio{log0: math.Log(g / i), ig: 1 / g, ii: 1 / i}
}

func (r ratio) at(p float64) float64 {
	return r.log0 + log1pSmall(-(1-p)*r.ig) - log1pSmall(-p*r.ii)
}

// log1pSmall returns log(1+x) for |x| <= 1/adaptMu: the series to x^6,
// whose first omitted term is below 1e-16 there.
func log1pSmall(x float64) float64 {
	return x * (1 - x*(1.0/2-x*(1.0/3-x*(1.0/4-x*(1.0/5-x*(1.0/6))))))
}

func bigram(a, b uint32) uint64 { return (uint64(a)*31 + uint64(b)) * 0x9E3779B97F4A7C15 >> 7 }

func clip(x, lim float64) float64 { return max(-lim, min(lim, x)) }

// frequent is the count from which a bucket's log ratio is worked out once
// for p = 0 and p = 1 and interpolated, instead of exactly for each word,
// and from which its words count as frequent. A small count decodes
// held-out conversations better than 16 (by show: pooled acc 0.848 ->
// 0.853 at 4; 8 gave 0.850, 32 0.847) and takes fewer words down the
// exact path. Five rather than four since the test became exact: with
// the adaptation's weights retrained, halves A -> B pooled acc 0.846
// either way, B -> A 0.840 against 0.839, by show 0.866 against 0.863.
const frequent = 5

// isFrequent reports whether a bucket whose speakers' counts are cI and
// cG counts as frequent: counted at least [frequent] times. Each word
// counted adds p to cI and 1-p to cG, so cI+cG is a whole number up to
// the rounding of the float32 sums, which can take it a little below or
// above: the test is against frequent - 1/2, so that it counts words, and
// a change in the last bits of the posteriors cannot move a bucket from
// one path to the other.
func isFrequent(cI, cG float64) bool { return cI+cG >= frequent-0.5 }

// frequentRatios sets the log ratios at p = 0 and p = 1 of the frequent
// buckets among cs[k] for k in touched, whose prior weight per count is D.
func frequentRatios(cs []cell, touched []uint16, D float64) {
	for _, k := range touched {
		c := &cs[k]
		cI, cG := float64(c.cI), float64(c.cG)
		if !isFrequent(cI, cG) {
			continue
		}
		// At the ends the count that is left out can exceed what the
		// bucket holds: floor it at zero.
		c.v0 = float32(smoothedRatio(cI, max(cG-1, 0), cI+cG-1, D))
		c.v1 = float32(smoothedRatio(max(cI-1, 0), cG, cI+cG-1, D))
	}
}

// interviewerProb returns the posterior probability that the interviewer
// speaks each segment under the chain the decoder uses.
func interviewerProb(segs []turn.Segment) []float64 {
	var d turn.Decoder
	return d.Posteriors(segs, nil)
}

// AdaptRounds is the number of adaptation passes: each learns the
// speakers' wording from the posteriors of the pass before. A third pass
// decodes held-out conversations better than two on each of three splits
// of the training corpus (pooled word accuracy, first passes and hashes
// the same: halves A -> B 0.843 -> 0.846, by show 0.864 -> 0.867, halves
// B -> A 0.836 -> 0.840), for about a tenth more time a parse; one pass
// fewer decodes worse.
const AdaptRounds = 3

// adapt adds the adaptation features, weighted by v, to the segments'
// scores, in AdaptRounds passes.
func adapt(q *Sequence, segs []turn.Segment, v *[NumAdapt]float64) {
	base := make([]float64, len(segs))
	for i := range segs {
		base[i] = segs[i].Score
	}
	sc := scratchPool.Get().(*adaptScratch)
	var d turn.Decoder // as interviewerProb, reusing post
	post := make([]float64, len(segs))
	for r := 0; r < AdaptRounds; r++ {
		post = d.Posteriors(segs, post)
		adaptPass(q, post, sc, func(i int, f [NumAdapt]float64) {
			segs[i].Score = base[i] + dot(v, &f)
		})
	}
	scratchPool.Put(sc)
}

// scratchPool keeps adaptation tables (a few megabytes for a long input)
// for the next parse, sparing the allocation and the collector's work.
var scratchPool = sync.Pool{New: func() any { return new(adaptScratch) }}

func dot(v, f *[NumAdapt]float64) float64 {
	x := 0.0
	for k := range v {
		x += v[k] * f[k]
	}
	return x
}

// smoothedRatio returns a bucket's log ratio of the interviewer's count
// cI to the guest's cG, each with the prior mass the bucket's other words,
// n of them, bring: (n + 0.5)·D, where D is the prior weight per count.
// A counted unit leaves its own word out of cI, cG and n; a unit of the
// cold open, not counted, has nothing to leave out.
func smoothedRatio(cI, cG, n, D float64) float64 {
	m := (n + 0.5) * D
	return logRatio(cI+m, cG+m)
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
