// Package model scores the units of a transcript (sentences, or word runs
// in unpunctuated text) for who is likely to speak them: a linear-chain
// conditional random field over two parties whose weights are learned from
// gold-labelled interviews by the trainer in ./train and embedded here.
package model

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/textdiarize/diarize/turn"
)

//go:generate go run ./train -corpus ../../../../shared/corpus/train

// A Model holds the weights of the hashed features.
type Model struct {
	W []float32 // len 1<<Bits
}

// New returns a model with all weights zero.
func New() *Model { return &Model{W: make([]float32, 1<<Bits)} }

//go:embed weights.bin
var weightsFile []byte

var defaultModel = func() *Model {
	m, err := Unmarshal(weightsFile)
	if err != nil {
		panic("model: embedded weights: " + err.Error())
	}
	return m
}()

// Default returns the embedded model. It is shared; do not modify it.
func Default() *Model { return defaultModel }

const magic = "DZW1"

// Marshal encodes the non-zero weights: the magic "DZW1", a uvarint
// count, then for each weight in index order the uvarint gap from the
// previous index and the float32 bits, little-endian.
func (m *Model) Marshal() []byte {
	out := []byte(magic)
	n := 0
	for _, w := range m.W {
		if w != 0 {
			n++
		}
	}
	out = binary.AppendUvarint(out, uint64(n))
	prev := 0
	for i, w := range m.W {
		if w == 0 {
			continue
		}
		out = binary.AppendUvarint(out, uint64(i-prev))
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(w))
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
	b = b[len(magic):]
	n, k := binary.Uvarint(b)
	if k <= 0 {
		return nil, errors.New("bad count")
	}
	b = b[k:]
	idx := 0
	for j := uint64(0); j < n; j++ {
		gap, k := binary.Uvarint(b)
		if k <= 0 || len(b) < k+4 {
			return nil, fmt.Errorf("truncated at weight %d", j)
		}
		idx += int(gap)
		if idx >= len(m.W) {
			return nil, fmt.Errorf("index %d out of range", idx)
		}
		m.W[idx] = math.Float32frombits(binary.LittleEndian.Uint32(b[k:]))
		b = b[k+4:]
	}
	return m, nil
}

func (m *Model) sum(idx []uint32) float64 {
	var s float32
	for _, i := range idx {
		s += m.W[i]
	}
	return float64(s)
}

// Segments scores every unit of q.
func (m *Model) Segments(q *Sequence) []turn.Segment {
	segs := make([]turn.Segment, q.Len())
	for i := range segs {
		s := &segs[i]
		s.Span = q.Spans[i]
		s.Score = m.sum(q.Emit[q.EmitOff[i]:q.EmitOff[i+1]])
		a, b := q.TransOff[i], q.TransOff[i+1]
		s.ToInterviewer = m.sum(q.ToI[a:b])
		s.ToGuest = m.sum(q.ToG[a:b])
		s.Question = q.question(i)
		s.Cues = q.cues(i)
	}
	return segs
}

// Score scores the units sents of src with the embedded model: a first
// pass with the fixed weights, then a second that adapts to the wording of
// each speaker in this conversation (see adapt.go).
func Score(src []byte, sents []turn.Span) []turn.Segment {
	q := Extract(src, sents)
	segs := Default().Segments(q)
	adapt(q, segs, &adaptWeights)
	return segs
}
