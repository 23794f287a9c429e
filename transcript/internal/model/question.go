package model

import (
	"maps"
	"math"
	"slices"

	"github.com/textdiarize/diarize/turn"
)

// Question ends in unpunctuated text. Automatic captions drop the question
// mark, the strongest cue of who speaks: a question comes from the
// interviewer and the unit after it from the guest. A second logistic
// model, over the words of a unit and the word after it, scores whether
// the unit ends a question, as its punctuated twin would have shown. It is
// trained on the sentences of caption-style copies of the training corpus
// (see ./train), and its score takes the place of the question mark for
// the units the boundary model cut. Held-out, the caption copies of the
// training corpus's episodes went from acc / bF1@3 0.832 / 0.584 to 0.837
// / 0.590 (trained on half of the episodes, scored on the other half) and
// from 0.843 / 0.588 to 0.851 / 0.593 (trained on three shows, scored on
// the other three).

// Question-end feature templates.
const (
	qBias = 300 + iota
	qLast
	qLast2
	qNext
	qAcross
	qFirst
	qFirst2
	qLen
	qWord
	qPair
)

const qmask = 1<<QuestionBits - 1

// qWords is how many of a unit's first words give their word and word
// pair features: units cut from captions have at most [MaxUnitWords].
const qWords = MaxUnitWords

// questionBias is the question-end score (log-odds) above which an
// unpunctuated unit counts as a question, the way a unit ending in '?'
// does, for the distances to the nearest question. On the gold sentences
// of held-out training episodes a model trained on the other half finds
// 71% of the questions at 0 with a precision of 0.91 (79% and 0.87 at
// -1; area under the ROC curve 0.96). Decoded, trained on half of the
// training corpus's episodes and scored on the other half, and trained on
// three of its shows and scored on the other three, the caption copies
// gave acc / bF1@3 0.832 / 0.592 and 0.849 / 0.594 at 0, 0.831 / 0.592
// and 0.851 / 0.595 at -1 (weights under 0.15 pruned; with the prune at
// 0.05 as landed, 0.837 / 0.590 and 0.851 / 0.593 at 0).
const questionBias = 0.0

// predictedQ is the terminal class of an unpunctuated unit that the
// question-end model takes for a question: a class of its own, apart
// from '?', so that cues name only the question marks written.
const predictedQ = 'q'

// quotedQ is the terminal class of a unit whose question mark sits
// inside closing quotes: a question reported, not asked.
const quotedQ = 'Q'

// asked reports whether the unit ends a question: with a question mark,
// or, unpunctuated, in the question-end model's reading.
func (st *facts) asked() bool { return st.last == '?' || st.last == predictedQ }

// questionFeatures appends the features of a unit of words ws followed by
// the word next (none at the end).
func questionFeatures(dst []uint32, ws []uint32, next uint64) []uint32 {
	n := len(ws)
	at := func(j int) uint64 {
		if j < 0 || j >= n {
			return none
		}
		return uint64(ws[j])
	}
	f1 := func(t, v uint64) uint32 { return fold(step(start(t), v)) & qmask }
	f2 := func(t, v, w uint64) uint32 { return fold(step(step(start(t), v), w)) & qmask }
	dst = append(dst,
		fold(start(qBias))&qmask,
		f1(qLast, at(n-1)),
		f2(qLast2, at(n-2), at(n-1)),
		f1(qNext, next),
		f2(qAcross, at(n-1), next),
		f1(qFirst, at(0)),
		f2(qFirst2, at(0), at(1)),
		f1(qLen, lenBucket(n)),
	)
	k := min(n, qWords)
	for j := 0; j < k; j++ {
		dst = append(dst, f1(qWord, uint64(ws[j])))
	}
	for j := 0; j+1 < k; j++ {
		dst = append(dst, f2(qPair, uint64(ws[j]), uint64(ws[j+1])))
	}
	return dst
}

// questionScore is the question-end model's log-odds that a unit of words
// ws, followed by the word next, ends a question.
func (m *Model) questionScore(ws []uint32, next uint64) float32 {
	var buf [8 + 2*qWords]uint32
	var z float32
	for _, j := range questionFeatures(buf[:0], ws, next) {
		z += m.Q[j]
	}
	return z
}

// markQuestions gives each unpunctuated unit of q that has no terminal
// punctuation its question-end bucket, and the class predictedQ when the
// model takes it for a question. In a text that writes no question mark
// at all (see unasked) it reads the units that end in a full stop too,
// and gives those it takes for questions a question mark. It must run
// before the distances to the nearest question are counted.
func (q *Sequence) markQuestions(m *Model) {
	unasked := q.unasked()
	for i := range q.facts {
		s := &q.facts[i]
		ws := q.words(i)
		caption := !s.punct && s.last == 0
		if !caption && !(unasked && s.punct && s.last == '.') || len(ws) == 0 {
			continue
		}
		next := uint64(none)
		if i+1 < len(q.facts) {
			next = q.unit(i + 1).first(0)
		}
		z := m.questionScore(ws, next)
		bucket := uint8(max(1, min(10, int(math.Floor(float64(z)))+6)))
		switch {
		case caption:
			s.qend = bucket
			if z > questionBias {
				s.last = predictedQ
			}
		case z > questionBias:
			// Read as a question mark, though none is written; the
			// question-end bucket, which a punctuated unit otherwise
			// leaves 0 and its features do not read, says so to the
			// cues (question-words, not question).
			s.last, s.qmark, s.qend = '?', true, bucket
		}
	}
}

// TrainQuestions fits the question-end model by logistic regression with
// full-batch Adam on the gold sentences of the examples, adding its
// weights to m.Q.
func TrainQuestions(m *Model, exs []BoundaryExample, cfg TrainConfig) {
	var xs [][]uint32
	var ys []float64
	for _, ex := range exs {
		_, words := scan(ex.Src, turn.Span{End: len(ex.Src)}, nil)
		ws := make([]uint32, len(words))
		for k, w := range words {
			ws[k] = uint32(w.h)
		}
		from := 0
		for k := 0; k < len(ws) && k < len(ex.Ends); k++ {
			if !ex.Ends[k] && k+1 < len(ws) {
				continue
			}
			next := uint64(none)
			if k+1 < len(ws) {
				next = uint64(ws[k+1])
			}
			y := 0.0
			if k < len(ex.Questions) && ex.Questions[k] {
				y = 1
			}
			xs = append(xs, questionFeatures(nil, ws[from:k+1], next))
			ys = append(ys, y)
			from = k + 1
		}
	}
	fitLogistic(m.Q, xs, ys, cfg)
}

// fitLogistic fits a logistic regression of ys on the hashed features xs
// with full-batch Adam and adds the weights to table, those smaller than
// cfg.Prune left out.
func fitLogistic(table []float32, xs [][]uint32, ys []float64, cfg TrainConfig) {
	// The features in index order, and each example's features as
	// positions in that order, so the weights and moments are slices.
	pos := make(map[uint32]int32)
	for _, fs := range xs {
		for _, f := range fs {
			pos[f] = 0
		}
	}
	keys := slices.Sorted(maps.Keys(pos))
	for j, k := range keys {
		pos[k] = int32(j)
	}
	at := make([][]int32, len(xs))
	for i, fs := range xs {
		at[i] = make([]int32, len(fs))
		for j, f := range fs {
			at[i][j] = pos[f]
		}
	}
	w := make([]float64, len(keys))
	mom := make([]float64, len(keys))
	vel := make([]float64, len(keys))
	g := make([]float64, len(keys))
	n := float64(len(xs))
	for it := 1; it <= cfg.Iterations; it++ {
		clear(g)
		loss := 0.0
		for i, fs := range at {
			z := 0.0
			for _, f := range fs {
				z += w[f]
			}
			p := 1 / (1 + math.Exp(-z))
			loss -= ys[i]*math.Log(p+1e-12) + (1-ys[i])*math.Log(1-p+1e-12)
			for _, f := range fs {
				g[f] += p - ys[i]
			}
		}
		opt := adamAt(it, cfg.Rate)
		for j := range keys {
			loss += 0.5 * cfg.L2 * w[j] * w[j]
			opt.step(&w[j], &mom[j], &vel[j], g[j]/n+cfg.L2*w[j])
		}
		if cfg.Log != nil {
			cfg.Log(it, loss/n)
		}
	}
	for j, k := range keys {
		if x := w[j]; math.Abs(x) >= cfg.Prune {
			table[k] += float32(x)
		}
	}
}

// unasked reports whether q has unaskedMin punctuated units or more and
// not one question mark: a recognizer that writes full stops only.
func (q *Sequence) unasked() bool {
	punct := 0
	for i := range q.facts {
		s := &q.facts[i]
		if s.qmark || s.last == '?' {
			return false
		}
		if s.punct {
			punct++
		}
	}
	return punct >= unaskedMin
}

// unaskedMin is the number of punctuated units from which a text without
// a question mark is taken to come from a recognizer that writes none.
const unaskedMin = 30
