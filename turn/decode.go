package turn

import (
	"math"
	"runtime"
	"sync"
	"weak"

	"github.com/textdiarize/diarize/speaker"
)

// A Decoder turns scored segments into alternating turns by finding the
// most probable sequence of speakers for the whole conversation at once
// (the Viterbi path of a two-state chain whose state scores are
// [Segment.Score] and whose switch scores are [Segment.ToInterviewer] and
// [Segment.ToGuest]).
//
// The zero value is ready to use. A Decoder is safe for concurrent use.
type Decoder struct {
	// SwitchCost is subtracted from the path score at every change of
	// speaker, on top of the segments' own switch scores. Raising it gives
	// fewer, longer turns.
	SwitchCost float64
}

// Decode decodes segs with the zero [Decoder].
func Decode(segs []Segment) []Turn {
	var d Decoder
	return d.Decode(segs)
}

// parallelSegments is the length from which Roles computes the posteriors
// and the Viterbi path at once, on two goroutines.
const parallelSegments = 4096

// states: 0 = interviewer, 1 = guest.
func (d *Decoder) emit(s *Segment, state int) float64 {
	if state == 0 {
		return s.Score / 2
	}
	return -s.Score / 2
}

func (d *Decoder) trans(s *Segment, from, to int) float64 {
	if from == to {
		return 0
	}
	if to == 0 {
		return s.ToInterviewer - d.SwitchCost
	}
	return s.ToGuest - d.SwitchCost
}

// Roles returns the role of each segment on the most probable path (the
// Viterbi path) and the posterior probability of that role, in [0, 1].
// The path is decided for the whole conversation at once, so a segment's
// role on it can be the less probable of the two for that segment alone:
// its probability is then below 0.5.
func (d *Decoder) Roles(segs []Segment) (roles []speaker.Role, prob []float64) {
	n := len(segs)
	if n == 0 {
		return nil, nil
	}
	roles = make([]speaker.Role, n)
	prob = make([]float64, n)
	back := make([][2]uint8, n)
	// The posteriors do not depend on the path: on a long conversation
	// they are worked out on another goroutine while Viterbi runs.
	var wg sync.WaitGroup
	if n >= parallelSegments && runtime.GOMAXPROCS(0) > 1 {
		wg.Go(func() { d.Posteriors(segs, prob) })
	} else {
		d.Posteriors(segs, prob)
	}
	// Viterbi.
	var v [2]float64
	v[0], v[1] = d.emit(&segs[0], 0), d.emit(&segs[0], 1)
	for i := 1; i < n; i++ {
		s := &segs[i]
		var nv [2]float64
		for to := 0; to < 2; to++ {
			best, arg := math.Inf(-1), 0
			for from := 0; from < 2; from++ {
				if x := v[from] + d.trans(s, from, to); x > best {
					best, arg = x, from
				}
			}
			nv[to] = best + d.emit(s, to)
			back[i][to] = uint8(arg)
		}
		v = nv
	}
	state := 0
	if v[1] > v[0] {
		state = 1
	}
	for i := n - 1; i >= 0; i-- {
		roles[i] = stateRole(state)
		state = int(back[i][state])
	}
	wg.Wait()
	for i, r := range roles {
		if r == speaker.Guest {
			prob[i] = 1 - prob[i]
		}
	}
	return roles, prob
}

func stateRole(state int) speaker.Role {
	if state == 0 {
		return speaker.Interviewer
	}
	return speaker.Guest
}

func logAdd(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// Decode groups segs into turns: consecutive segments of the same role form
// one turn, so turns alternate. A turn's Span runs from the start of its
// first segment to the end of its last; Text and Speaker are left for the
// caller, who knows the input and the speakers.
func (d *Decoder) Decode(segs []Segment) []Turn {
	roles, prob := d.Roles(segs)
	return Group(segs, roles, prob)
}

// Group builds turns from segments whose roles are already decided, as
// [Decoder.Decode] does. prob, when not nil, gives the probability of each
// segment's role and sets the turns' Confidence.
func Group(segs []Segment, roles []speaker.Role, prob []float64) []Turn {
	if len(segs) == 0 {
		return nil
	}
	// Two allocations in all: the turns, and one array that the turns'
	// Sentences share, each capped so that appending to one cannot
	// overwrite the next.
	n := 1
	for i := 1; i < len(segs); i++ {
		if roles[i] != roles[i-1] {
			n++
		}
	}
	turns := make([]Turn, 0, n)
	sents := make([]Sentence, len(segs))
	first := 0 // the first segment of the current turn
	var wsum, psum float64
	for i := range segs {
		s := &segs[i]
		if i == 0 || roles[i] != roles[i-1] {
			if len(turns) > 0 {
				turns[len(turns)-1].Confidence = ratio(psum, wsum)
			}
			first = i
			wsum, psum = 0, 0
			cues := s.Cues
			if cues == nil {
				cues = []Cue{} // the JSON form is [], not null
			}
			turns = append(turns, Turn{
				Index: len(turns),
				Role:  roles[i],
				Span:  Span{Start: s.Start},
				Cues:  cues,
			})
		}
		t := &turns[len(turns)-1]
		t.End = s.End
		sents[i] = Sentence{Span: s.Span, Question: round3(s.Question)}
		t.Sentences = sents[first : i+1 : i+1]
		w := float64(s.Len())
		wsum += w
		if prob != nil {
			psum += w * prob[i]
		} else {
			psum += w
		}
	}
	if len(turns) > 0 {
		turns[len(turns)-1].Confidence = ratio(psum, wsum)
	}
	return turns
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return round3(a / b)
}

// round3 rounds x to three decimals, the precision of the scores in the
// output.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Posteriors stores in dst (grown as needed) and returns the posterior
// probability that the interviewer speaks each segment, summed over every
// path of the chain (forward-backward), not only the best one.
func (d *Decoder) Posteriors(segs []Segment, dst []float64) []float64 {
	n := len(segs)
	if cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	if n == 0 {
		return dst
	}
	// In probability space, rescaled at every step so nothing overflows:
	// the emission of the interviewer state is e^Score against 1 for the
	// guest, a switch to the interviewer weighs e^(ToInterviewer -
	// SwitchCost), staying weighs 1.
	ex := func(x float64) float64 { return math.Exp(max(-50, min(50, x))) }
	// The forward pass keeps each step's weights for the backward pass,
	// in a buffer lent by stepCache.
	sp := takeSteps(n)
	defer keepSteps(sp)
	st := (*sp)[:n]
	st[0].fw = [2]float64{ex(segs[0].Score), 1}
	norm(&st[0].fw)
	for i := 1; i < n; i++ {
		s := &segs[i]
		t := &st[i]
		t.toI, t.toG, t.emI = ex(s.ToInterviewer-d.SwitchCost), ex(s.ToGuest-d.SwitchCost), ex(s.Score)
		a := st[i-1].fw
		t.fw = [2]float64{(a[0] + a[1]*t.toI) * t.emI, a[1] + a[0]*t.toG}
		norm(&t.fw)
	}
	bw := [2]float64{1, 1}
	for i := n - 1; ; i-- {
		t := &st[i]
		p0, p1 := t.fw[0]*bw[0], t.fw[1]*bw[1]
		dst[i] = p0 / (p0 + p1)
		if i == 0 {
			break
		}
		eI := t.emI * bw[0]
		bw = [2]float64{eI + t.toG*bw[1], t.toI*eI + bw[1]}
		norm(&bw)
	}
	return dst
}

// A step is what the forward pass of Posteriors keeps of one segment.
type step struct {
	fw            [2]float64 // forward weights, summing to 1
	toI, toG, emI float64    // the segment's switch and emission weights
}

// stepCache keeps the last buffer of Posteriors for the next call: the
// adaptation runs it on the whole conversation three times before the
// decoder runs it once more, often on another goroutine. A sync.Pool
// would keep the buffer in the slot of the processor that put it, where
// a Get on another processor does not look, so a parse would hold two
// buffers of 40 bytes a unit. The cache holds its buffer weakly: the
// collector takes it when no call is using it.
var stepCache struct {
	sync.Mutex
	p weak.Pointer[[]step]
}

// takeSteps returns a buffer of at least n steps, the cached one if it
// is large enough.
func takeSteps(n int) *[]step {
	stepCache.Lock()
	sp := stepCache.p.Value()
	stepCache.p = weak.Pointer[[]step]{}
	stepCache.Unlock()
	if sp == nil || cap(*sp) < n {
		s := make([]step, n)
		sp = &s
	}
	return sp
}

// keepSteps caches sp for the next call, unless a larger buffer is
// cached.
func keepSteps(sp *[]step) {
	stepCache.Lock()
	if cur := stepCache.p.Value(); cur == nil || cap(*cur) < cap(*sp) {
		stepCache.p = weak.Make(sp)
	}
	stepCache.Unlock()
}

func norm(v *[2]float64) {
	z := v[0] + v[1]
	v[0] /= z
	v[1] /= z
}
