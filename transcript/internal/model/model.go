// Package model scores the units of a transcript (sentences, or word runs
// in unpunctuated text) for who is likely to speak them: a linear-chain
// conditional random field over two parties whose weights are learned from
// gold-labelled interviews by the trainer in ./train and embedded here.
package model

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/textdiarize/diarize/transcript/internal/par"
	"github.com/textdiarize/diarize/turn"
)

//go:generate go run ./train -corpus ../../../../shared/corpus/train

// A Model holds the weights of the hashed features.
type Model struct {
	W []float32 // speaker features, len 1<<Bits
	B []float32 // sentence-boundary features, len 1<<BoundaryBits
	Q []float32 // question-end features, len 1<<QuestionBits
}

// BoundaryBits is the size of the boundary model's hashed feature space.
const BoundaryBits = 18

// QuestionBits is the size of the question-end model's hashed feature
// space.
const QuestionBits = 18

// New returns a model with all weights zero.
func New() *Model {
	return &Model{
		W: make([]float32, 1<<Bits),
		B: make([]float32, 1<<BoundaryBits),
		Q: make([]float32, 1<<QuestionBits),
	}
}

//go:embed weights.bin
var weightsFile []byte

var defaultModel, loadErr = func() (*Model, error) {
	m, err := Unmarshal(weightsFile)
	if err != nil {
		// Only a broken build gets here; the trainer must still run to
		// mend it, and a test reports loadErr.
		return New(), err
	}
	return m, nil
}()

// Default returns the embedded model. It is shared; do not modify it.
func Default() *Model { return defaultModel }

// SetDefault replaces the model that [Score] and [Cuts] use. The trainer
// calls it before any parsing, to cut unpunctuated text with a newly
// trained boundary model; it is not safe for concurrent use.
func SetDefault(m *Model) { defaultModel = m }

const magic = "DZW3"

// Quantum is the step of the stored weights: they are kept as 16-bit
// multiples of it, which loses nothing that matters and halves the file.
const Quantum = 1.0 / 2048

// Quantize rounds every weight to a multiple of [Quantum] in the range
// an int16 holds, as they will be after [Model.Marshal].
func (m *Model) Quantize() {
	for _, ws := range [][]float32{m.W, m.B, m.Q} {
		for i, w := range ws {
			ws[i] = float32(quant(w)) * Quantum
		}
	}
}

func quant(w float32) int16 {
	return int16(max(math.MinInt16, min(math.MaxInt16, math.Round(float64(w)/Quantum))))
}

// Marshal encodes the non-zero weights, deflated: the magic "DZW3", then
// a raw DEFLATE stream of the speaker, boundary and question-end tables, each
// a uvarint count followed, for each weight in index order, by the
// uvarint gap from the previous index and the weight as a little-endian
// int16 multiple of [Quantum].
func (m *Model) Marshal() []byte {
	raw := appendTable(appendTable(appendTable(nil, m.W), m.B), m.Q)
	var buf bytes.Buffer
	buf.WriteString(magic)
	zw, _ := flate.NewWriter(&buf, flate.BestCompression)
	zw.Write(raw)
	zw.Close()
	return buf.Bytes()
}

func appendTable(out []byte, ws []float32) []byte {
	n := 0
	for _, w := range ws {
		if quant(w) != 0 {
			n++
		}
	}
	out = binary.AppendUvarint(out, uint64(n))
	prev := 0
	for i, w := range ws {
		q := quant(w)
		if q == 0 {
			continue
		}
		out = binary.AppendUvarint(out, uint64(i-prev))
		out = binary.LittleEndian.AppendUint16(out, uint16(q))
		prev = i
	}
	return out
}

// Unmarshal decodes weights written by [Model.Marshal].
func Unmarshal(b []byte) (*Model, error) {
	m := New()
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, errors.New("bad magic")
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(b[len(magic):])))
	if err != nil {
		return nil, err
	}
	b, err = readTable(raw, m.W)
	if err != nil {
		return nil, err
	}
	if b, err = readTable(b, m.B); err != nil {
		return nil, err
	}
	if _, err := readTable(b, m.Q); err != nil {
		return nil, err
	}
	return m, nil
}

func readTable(b []byte, ws []float32) ([]byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return nil, errors.New("bad count")
	}
	b = b[k:]
	idx := 0
	for j := uint64(0); j < n; j++ {
		gap, k := binary.Uvarint(b)
		if k <= 0 || len(b) < k+2 {
			return nil, fmt.Errorf("truncated at weight %d", j)
		}
		idx += int(gap)
		if idx >= len(ws) {
			return nil, fmt.Errorf("index %d out of range", idx)
		}
		ws[idx] = float32(int16(binary.LittleEndian.Uint16(b[k:]))) * Quantum
		b = b[k+2:]
	}
	return b, nil
}

func (m *Model) sum(idx []uint32) float64 {
	var s float32
	for _, i := range idx {
		s += m.W[i]
	}
	return float64(s)
}

// Segments scores every unit of q, which [Extract] made, and names its
// cues.
func (m *Model) Segments(q *Sequence) []turn.Segment {
	segs := make([]turn.Segment, q.Len())
	for i := range segs {
		s := &segs[i]
		s.Span = q.Spans[i]
		s.Score = m.sum(q.Emit[q.EmitOff[i]:q.EmitOff[i+1]])
		a, b := q.TransOff[i], q.TransOff[i+1]
		s.ToInterviewer = m.sum(q.ToI[a:b])
		s.ToGuest = m.sum(q.ToG[a:b])
		u := q.unit(i)
		s.Question = question(&u)
		s.Cues = cueList(q.cueBits(i, &u))
	}
	return segs
}

// score scores every unit of q, which scanUnits made, computing the
// features of one unit at a time: q keeps none of them. The segments'
// Cues are left nil; the units' cues are returned as bits. The units are
// scored on all CPUs.
func (m *Model) score(q *Sequence) ([]turn.Segment, Cues) {
	segs := make([]turn.Segment, q.Len())
	bits := make(Cues, q.Len())
	par.Range(len(segs), 128, func(lo, hi int) {
		b := builder{q: q, emit: make([]uint32, 0, 64), toI: make([]uint32, 0, 32), toG: make([]uint32, 0, 32)}
		for i := lo; i < hi; i++ {
			b.emit, b.toI, b.toG = b.emit[:0], b.toI[:0], b.toG[:0]
			b.features(i)
			s := &segs[i]
			s.Span = q.Spans[i]
			s.Score = m.sum(b.emit)
			s.ToInterviewer = m.sum(b.toI)
			s.ToGuest = m.sum(b.toG)
			u := b.unit(i)
			s.Question = question(u)
			bits[i] = q.cueBits(i, u)
		}
	})
	return segs, bits
}

// Cues holds the cues of each unit that [ScoreLazy] scored, two bytes a
// unit, to be named for the units that need them.
type Cues []uint16

// At names the evidence in unit i, strongest first.
func (c Cues) At(i int) []turn.Cue { return cueList(c[i]) }

// Score scores the units sents of src with the embedded model: a first
// pass with the fixed weights, then a second that adapts to the wording of
// each speaker in this conversation (see adapt.go).
func Score(src []byte, sents []turn.Span) []turn.Segment {
	segs, cues := ScoreLazy(src, sents)
	for i := range segs {
		segs[i].Cues = cues.At(i)
	}
	return segs
}

// ScoreLazy is [Score] without the cues, which cost an allocation per
// unit: it leaves the segments' Cues nil and returns the cues of every
// unit as bits, which [Cues.At] names for the units that need them, such
// as those that start a turn. The units' words are not kept past the
// call; nor are their hashed features: each unit's are scored as they
// are computed.
func ScoreLazy(src []byte, sents []turn.Span) ([]turn.Segment, Cues) {
	return Begin(src, sents).Finish(turn.Span{})
}

// A Scoring is the units of a transcript scored by the first pass, with
// the fixed weights: [Begin] makes it, and [Scoring.Finish] adapts the
// scores to the conversation, which needs to know its cold open. The
// transcript's pipeline looks for the cold open while Begin scores.
type Scoring struct {
	q    *Sequence
	segs []turn.Segment
	cues Cues
}

// Begin scores the units sents of src with the embedded model's fixed
// weights.
func Begin(src []byte, sents []turn.Span) *Scoring {
	q := scanUnits(src, sents)
	segs, cues := Default().score(q)
	// The distances to the nearest question served the features only;
	// the adaptation reads the words. Let the collector have them now.
	q.untilQ, q.sinceQ = nil, nil
	return &Scoring{q: q, segs: segs, cues: cues}
}

// Finish adapts the scores to the wording of each speaker in this
// conversation (see adapt.go), leaving out the units that start inside
// cold, the cold open (the zero Span for none), and returns them as
// [ScoreLazy] does. The Scoring lets its units' words go; call Finish
// once.
func (sc *Scoring) Finish(cold turn.Span) ([]turn.Segment, Cues) {
	q, segs := sc.q, sc.segs
	sc.q = nil
	for q.cold < len(q.Spans) && q.Spans[q.cold].Start < cold.End {
		q.cold++
	}
	adapt(q, segs, &adaptWeights)
	applySwitch(q, segs, switchCost, captionSwitchCost)
	temper(segs, confidenceScale)
	return segs, sc.cues
}

// temper multiplies every score of segs by f. The decoder's path is the
// same for any f > 0, but its posteriors, the turns' confidence, are
// sharper or softer: the trainer chooses f so that they are calibrated
// (see ChooseConfidenceScale).
func temper(segs []turn.Segment, f float64) {
	if f == 1 {
		return
	}
	for i := range segs {
		s := &segs[i]
		s.Score *= f
		s.ToInterviewer *= f
		s.ToGuest *= f
	}
}

// applySwitch subtracts a cost from every change of speaker: punct for a
// change into a punctuated unit, caption for one into an unpunctuated
// unit.
func applySwitch(q *Sequence, segs []turn.Segment, punct, caption float64) {
	for i := 1; i < len(segs); i++ {
		c := punct
		if !q.facts[i].punct {
			c = caption
		}
		segs[i].ToInterviewer -= c
		segs[i].ToGuest -= c
	}
}
