package model

import (
	"math"
	"slices"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript/internal/par"
	"github.com/textdiarize/diarize/turn"
)

// An Example is one training conversation: its features and the gold role
// of each unit.
type Example struct {
	Seq   *Sequence
	Roles []speaker.Role
}

// TrainConfig sets the optimiser. Training is deterministic: the same
// examples in the same order give bit-identical weights.
type TrainConfig struct {
	Iterations int     // full passes of Adam over all examples
	Rate       float64 // Adam step size
	L2         float64 // L2 penalty per weight, scaled by the number of units
	Prune      float64 // weights below this magnitude are zeroed at the end
	// ChangeMargin, when not zero, trains with a softmax margin: every
	// path is scored this much higher for each unit where it changes
	// speaker and the gold roles do not, or the other way round, so that
	// the model learns to keep its changes of speaker further from the
	// wrong places than the likelihood alone asks.
	ChangeMargin float64
	Log          func(iter int, loss float64)
}

// trainShards is the number of parts the training examples are cut into
// for computing the gradient concurrently.
const trainShards = 4

// Train fits a model to the examples by maximising the conditional
// log-likelihood of the gold roles under the two-state chain that
// [turn.Decoder] decodes, with an L2 penalty, using full-batch Adam.
func Train(exs []Example, cfg TrainConfig) *Model {
	m := New()
	n := len(m.W)
	grad := make([]float64, n)
	mom := make([]float64, n)
	vel := make([]float64, n)
	w := make([]float64, n)
	units := 0
	for _, ex := range exs {
		units += ex.Seq.Len()
	}
	// The examples are cut into a fixed number of shards whose gradients
	// are computed concurrently and summed in shard order, so the result
	// does not depend on the number of CPUs.
	var shardGrad [trainShards][]float64
	for k := range shardGrad {
		shardGrad[k] = make([]float64, n)
	}
	var shardLoss [trainShards]float64
	for it := 1; it <= cfg.Iterations; it++ {
		opt := adamAt(it, cfg.Rate)
		shards := make([]func(), trainShards)
		for k := range shards {
			shards[k] = func() {
				g := shardGrad[k]
				clear(g)
				shardLoss[k] = 0
				for j := k * len(exs) / trainShards; j < (k+1)*len(exs)/trainShards; j++ {
					shardLoss[k] += m.gradient(exs[j], g, cfg.ChangeMargin)
				}
			}
		}
		par.Do(shards...)
		copy(grad, shardGrad[0])
		loss := shardLoss[0]
		for k := 1; k < trainShards; k++ {
			loss += shardLoss[k]
			for i, x := range shardGrad[k] {
				grad[i] += x
			}
		}
		// Mean over units, plus L2.
		scale := 1 / float64(units)
		loss *= scale
		for i := range grad {
			g := grad[i]*scale + cfg.L2*w[i]
			if g == 0 && w[i] == 0 {
				continue
			}
			loss += 0.5 * cfg.L2 * w[i] * w[i]
			opt.step(&w[i], &mom[i], &vel[i], g)
			m.W[i] = float32(w[i])
		}
		if cfg.Log != nil {
			cfg.Log(it, loss)
		}
	}
	for i, x := range m.W {
		if math.Abs(float64(x)) < cfg.Prune {
			m.W[i] = 0
		}
	}
	return m
}

// gradient adds the gradient of the negative log-likelihood of ex, with
// the change margin (see [TrainConfig]), to g (descent direction is -g)
// and returns the negative log-likelihood.
func (m *Model) gradient(ex Example, g []float64, margin float64) float64 {
	q := ex.Seq
	segs := m.Segments(q)
	d := chainGrad(segs, ex.Roles, margin)
	for i := range segs {
		for _, f := range q.Emit[q.EmitOff[i]:q.EmitOff[i+1]] {
			g[f] += d.emit[i]
		}
		a0, a1 := q.TransOff[i], q.TransOff[i+1]
		for _, f := range q.ToI[a0:a1] {
			g[f] += d.toI[i]
		}
		for _, f := range q.ToG[a0:a1] {
			g[f] += d.toG[i]
		}
	}
	return d.nll
}

// chainDeriv holds the derivatives of a chain's negative log-likelihood
// with respect to each unit's Score, ToInterviewer and ToGuest.
type chainDeriv struct {
	emit, toI, toG []float64
	nll            float64
}

// chainGrad runs forward-backward over the two-state chain that
// [turn.Decoder] decodes and returns the derivatives of the negative
// log-likelihood of roles. Every path that changes speaker where roles do
// not, or keeps the speaker where roles change, gains margin at that unit
// (a softmax margin; 0 is plain likelihood).
func chainGrad(segs []turn.Segment, roles []speaker.Role, margin float64) chainDeriv {
	n := len(segs)
	d := chainDeriv{emit: make([]float64, n), toI: make([]float64, n), toG: make([]float64, n)}
	if n == 0 {
		return d
	}
	emit := func(i, s int) float64 {
		if s == 0 {
			return segs[i].Score / 2
		}
		return -segs[i].Score / 2
	}
	trans := func(i, a, b int) float64 {
		x := 0.0
		if (a != b) != (roles[i-1] != roles[i]) {
			x = margin
		}
		if a == b {
			return x
		}
		if b == 0 {
			return x + segs[i].ToInterviewer
		}
		return x + segs[i].ToGuest
	}
	fw := make([][2]float64, n)
	bw := make([][2]float64, n)
	fw[0] = [2]float64{emit(0, 0), emit(0, 1)}
	for i := 1; i < n; i++ {
		for b := 0; b < 2; b++ {
			fw[i][b] = logAdd(fw[i-1][0]+trans(i, 0, b), fw[i-1][1]+trans(i, 1, b)) + emit(i, b)
		}
	}
	for i := n - 2; i >= 0; i-- {
		for a := 0; a < 2; a++ {
			bw[i][a] = logAdd(trans(i+1, a, 0)+emit(i+1, 0)+bw[i+1][0], trans(i+1, a, 1)+emit(i+1, 1)+bw[i+1][1])
		}
	}
	logZ := logAdd(fw[n-1][0], fw[n-1][1])
	state := func(r speaker.Role) int {
		if r == speaker.Interviewer {
			return 0
		}
		return 1
	}
	gold := 0.0
	for i := 0; i < n; i++ {
		y := state(roles[i])
		gold += emit(i, y)
		pI := math.Exp(fw[i][0] + bw[i][0] - logZ)
		a := 0.0
		if y == 0 {
			a = 1
		}
		d.emit[i] = pI - a
		if i == 0 {
			continue
		}
		yp := state(roles[i-1])
		gold += trans(i, yp, y)
		pGI := math.Exp(fw[i-1][1] + trans(i, 1, 0) + emit(i, 0) + bw[i][0] - logZ)
		pIG := math.Exp(fw[i-1][0] + trans(i, 0, 1) + emit(i, 1) + bw[i][1] - logZ)
		var aGI, aIG float64
		if yp == 1 && y == 0 {
			aGI = 1
		}
		if yp == 0 && y == 1 {
			aIG = 1
		}
		d.toI[i] = pGI - aGI
		d.toG[i] = pIG - aIG
	}
	d.nll = logZ - gold
	return d
}

func logAdd(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// TrainAdapt fits the weights of the adaptation features. base[i] must be
// a model that was not trained on exs[i] (a cross-fitted first pass), so
// that its posteriors are as wrong as they will be on new conversations.
func TrainAdapt(exs []Example, base []*Model, cfg TrainConfig) [NumAdapt]float64 {
	type prepared struct {
		segs []turn.Segment
		f    [][NumAdapt]float64
	}
	ps := make([]prepared, len(exs))
	units := 0
	for i, ex := range exs {
		segs := base[i].Segments(ex.Seq)
		ps[i] = prepared{segs: segs, f: adaptFeatures(ex.Seq, interviewerProb(segs), nil)}
		units += len(segs)
	}
	var v, mom, vel [NumAdapt]float64
	work := make([]turn.Segment, 0)
	for it := 1; it <= cfg.Iterations; it++ {
		var g [NumAdapt]float64
		loss := 0.0
		for i, ex := range exs {
			p := &ps[i]
			// The passes as adapt runs them; the gradient treats the
			// last pass's features as fixed.
			f := p.f
			work = append(work[:0], p.segs...)
			for r := 0; r < AdaptRounds; r++ {
				if r > 0 {
					f = adaptFeatures(ex.Seq, interviewerProb(work), nil)
				}
				for j := range work {
					work[j].Score = p.segs[j].Score + dot(&v, &f[j])
				}
			}
			d := chainGrad(work, ex.Roles, cfg.ChangeMargin)
			loss += d.nll
			for j := range work {
				for k, x := range f[j] {
					g[k] += d.emit[j] * x
				}
			}
		}
		loss /= float64(units)
		opt := adamAt(it, cfg.Rate)
		for k := range v {
			opt.step(&v[k], &mom[k], &vel[k], g[k]/float64(units)+cfg.L2*v[k])
		}
		if cfg.Log != nil {
			cfg.Log(it, loss)
		}
	}
	return v
}

// SwitchGrid lists the switch costs ChooseSwitch tries.
var SwitchGrid = []float64{-2.5, -2, -1.75, -1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1}

// ConfidenceGrid lists the factors ChooseConfidenceScale tries.
var ConfidenceGrid = []float64{0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1}

// ChooseConfidenceScale picks the factor of all scores (see temper) whose
// posteriors best predict the gold roles of held-out conversations: the
// lowest mean negative log posterior of the gold role of each unit,
// weighted by its words, as the turns' confidence is. The path does not
// depend on the factor; a model trained with a margin is too sure of
// itself, and the factor undoes that. base[i] must not have been trained
// on exs[i]; v are the adaptation weights (already scaled), punct and
// caption the switch costs. It returns the factor and the loss of each
// factor of ConfidenceGrid.
func ChooseConfidenceScale(exs []Example, base []*Model, v [NumAdapt]float64, punct, caption float64) (float64, []float64) {
	loss := make([]float64, len(ConfidenceGrid))
	var words float64
	segs := make([][]turn.Segment, len(exs))
	for i, ex := range exs {
		segs[i] = base[i].Segments(ex.Seq)
		adapt(ex.Seq, segs[i], &v)
		applySwitch(ex.Seq, segs[i], punct, caption)
		for j := range segs[i] {
			words += float64(len(ex.Seq.words(j)))
		}
	}
	par.Range(len(ConfidenceGrid), 1, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			var d turn.Decoder
			for i, ex := range exs {
				work := slices.Clone(segs[i])
				temper(work, ConfidenceGrid[k])
				post := d.Posteriors(work, nil)
				for j, p := range post {
					if ex.Roles[j] != speaker.Interviewer {
						p = 1 - p
					}
					loss[k] -= float64(len(ex.Seq.words(j))) * math.Log(max(p, 1e-12))
				}
			}
			loss[k] /= words
		}
	})
	best := 0
	for k := range loss {
		if loss[k] < loss[best] {
			best = k
		}
	}
	return ConfidenceGrid[best], loss
}

// ScaleGrid lists the factors of the adaptation weights ChooseSwitch
// tries.
var ScaleGrid = []float64{1, 1.5, 2, 2.5, 3, 4}

// ChooseSwitch picks the costs added to every change of speaker, one for
// changes into a punctuated unit and one for changes into an unpunctuated
// one (automatic captions, whose units the boundary model cut and whose
// scores are less sure), and the factor applied to the adaptation weights,
// that decode held-out conversations best. Likelihood training calibrates
// probabilities, not the Viterbi path, so the path can gain from a
// correction; and TrainAdapt holds each pass's features fixed, so it does
// not see that stronger weights sharpen the posteriors the next pass
// learns from. base[i] must not have been trained on exs[i]; v are the
// adaptation weights. The objective, per conversation and then averaged,
// is the mean of word accuracy and the F1 of the change points between
// units. It returns the best factor and costs, and the objective for
// each triple: obj[(k*g+a)*g+b] for ScaleGrid[k] and SwitchGrid[a] (into
// punctuated units) and SwitchGrid[b] (into captions' units), where g is
// len(SwitchGrid).
func ChooseSwitch(exs []Example, base []*Model, v [NumAdapt]float64) (scale, punct, caption float64, obj []float64) {
	g := len(SwitchGrid)
	obj = make([]float64, len(ScaleGrid)*g*g)
	// One factor per goroutine: each sums its objectives in the same
	// order whatever the number of CPUs.
	par.Range(len(ScaleGrid), 1, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			sv := v
			for j := range sv {
				sv[j] *= ScaleGrid[k]
			}
			for i, ex := range exs {
				q := ex.Seq
				segs := base[i].Segments(q)
				adapt(q, segs, &sv)
				work := make([]turn.Segment, len(segs))
				for a, cp := range SwitchGrid {
					for b, cc := range SwitchGrid {
						copy(work, segs)
						applySwitch(q, work, cp, cc)
						var d turn.Decoder
						roles, _ := d.Roles(work)
						obj[(k*g+a)*g+b] += pathScore(q, ex.Roles, roles) / float64(len(exs))
					}
				}
			}
		}
	})
	best := 0
	for x := range obj {
		if obj[x] > obj[best] {
			best = x
		}
	}
	return ScaleGrid[best/(g*g)], SwitchGrid[best/g%g], SwitchGrid[best%g], obj
}

// pathScore is the mean of the word accuracy of got against want and the
// F1 of their change points between units.
func pathScore(q *Sequence, want, got []speaker.Role) float64 {
	var words, right float64
	var tp, nw, ng float64
	for i := range want {
		n := float64(len(q.words(i)))
		words += n
		if want[i] == got[i] {
			right += n
		}
		if i == 0 {
			continue
		}
		cw, cg := want[i] != want[i-1], got[i] != got[i-1]
		if cw {
			nw++
		}
		if cg {
			ng++
		}
		if cw && cg {
			tp++
		}
	}
	acc := 0.0
	if words > 0 {
		acc = right / words
	}
	f1 := 1.0
	if nw+ng > 0 {
		f1 = 2 * tp / (nw + ng)
	}
	return (acc + f1) / 2
}

// Adam's decay rates of the gradient's first and second moments, and the
// term that keeps its step finite.
const b1, b2, eps = 0.9, 0.999, 1e-8

// An adamIter is one iteration of Adam with step size rate: c1 and c2
// are the bias corrections of the moments at that iteration.
type adamIter struct{ c1, c2, rate float64 }

// adamAt returns iteration it (from 1) of Adam with step size rate.
func adamAt(it int, rate float64) adamIter {
	return adamIter{1 - math.Pow(b1, float64(it)), 1 - math.Pow(b2, float64(it)), rate}
}

// step moves weight w by gradient g, updating its moments m and v.
func (a adamIter) step(w, m, v *float64, g float64) {
	*m = b1**m + (1-b1)*g
	*v = b2**v + (1-b2)*g*g
	mh := *m / a.c1
	vh := *v / a.c2
	*w -= a.rate * mh / (math.Sqrt(vh) + eps)
}
