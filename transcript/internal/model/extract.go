package model

import "github.com/textdiarize/diarize/turn"

// Feature templates. Each feature is a template number mixed with the
// values it looks at, hashed into the weight table. Changing a template's
// meaning requires retraining; add new numbers rather than reuse old ones.
const (
	eBias = iota + 1
	eFirst
	eFirst2
	eFirst3
	eLast
	eLast2
	ePunct
	eQmark
	eLen
	eWord
	ePrevPunctLen
	ePrevFirst
	eNextFirst
	eNextPunct
	ePrevPunct
	ePos
	eFirstPunct
	eLenPunct
	eBigram
	ePrevLen
	eNextLen

	eUntilQ
	eSinceQ
	eSinceUntilQ

	tBias = 100 + iota
	tFirst
	tFirst2
	tPrevPunct
	tPrevLast
	tPrevPunctFirst
	tLen
	tPrevLen
	tPrevPunctLen
	tNextFirst
	tLenNextLen
	tUntilQ
	tSinceQ
)

// distBucket buckets a distance in units to or from the nearest question.
func distBucket(d int) uint64 {
	switch {
	case d < 0:
		return 0 // no question that way
	case d <= 3:
		return uint64(d)
	case d <= 6:
		return 4
	case d <= 12:
		return 5
	case d <= 25:
		return 6
	}
	return 7
}

// A Sequence is a transcript's units with their hashed features, ready to
// score or to train on.
type Sequence struct {
	Spans []turn.Span
	// Emit[EmitOff[i]:EmitOff[i+1]] are unit i's emission features.
	Emit    []uint32
	EmitOff []int32
	// ToI and ToG hold the features of a change of speaker at the start
	// of unit i, to the interviewer and to the guest, at
	// TransOff[i]:TransOff[i+1]. Unit 0 has none.
	ToI, ToG []uint32
	TransOff []int32

	sents []sentence
	words []word
	salt  uint64
	// untilQ and sinceQ count the units to the next and since the last
	// unit that ends in a question mark; -1 when there is none.
	untilQ, sinceQ []int32
}

// Extract computes the features of the units sents of src.
func Extract(src []byte, sents []turn.Span) *Sequence {
	q := scanUnits(src, sents)
	q.Emit = make([]uint32, 0, len(q.words)*2+len(sents)*32)
	q.EmitOff = make([]int32, 1, len(sents)+1)
	q.ToI = make([]uint32, 0, len(sents)*14)
	q.ToG = make([]uint32, 0, len(sents)*14)
	q.TransOff = make([]int32, 1, len(sents)+1)
	for i := range q.sents {
		q.features(i)
		q.EmitOff = append(q.EmitOff, int32(len(q.Emit)))
		q.TransOff = append(q.TransOff, int32(len(q.ToI)))
	}
	return q
}

// features appends the features of unit i to q.Emit, q.ToI and q.ToG.
func (q *Sequence) features(i int) {
	q.emission(i)
	if i > 0 {
		q.transition(i)
	}
}

// scanUnits returns the Sequence of the units sents of src with their
// words, but without features.
func scanUnits(src []byte, sents []turn.Span) *Sequence {
	q := &Sequence{Spans: sents}
	q.sents = make([]sentence, len(sents))
	q.words = make([]word, 0, len(src)/5+1)
	// Scan all first so the word buffer is stable before slicing.
	type rng struct{ a, b int }
	rs := make([]rng, len(sents))
	for i, s := range sents {
		a := len(q.words)
		var st sentence
		st, q.words = scan(src, s, q.words)
		q.sents[i] = st
		rs[i] = rng{a, len(q.words)}
	}
	for i := range q.sents {
		q.sents[i].words = q.words[rs[i].a:rs[i].b]
	}
	q.untilQ = make([]int32, len(sents))
	q.sinceQ = make([]int32, len(sents))
	last := -1
	for i := range q.sents {
		q.sinceQ[i] = -1
		if last >= 0 {
			q.sinceQ[i] = int32(i - last)
		}
		if q.sents[i].last == '?' {
			last = i
		}
	}
	next := -1
	for i := len(q.sents) - 1; i >= 0; i-- {
		q.untilQ[i] = -1
		if next >= 0 {
			q.untilQ[i] = int32(next - i)
		}
		if q.sents[i].last == '?' {
			next = i
		}
	}
	return q
}

// Len returns the number of units.
func (q *Sequence) Len() int { return len(q.Spans) }

func lenBucket(n int) uint64 {
	switch {
	case n <= 3:
		return uint64(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	case n <= 60:
		return 9
	}
	return 10
}

const none = 0x51ab

func (st *sentence) first(k int) uint64 {
	if k < len(st.words) {
		return st.words[k].h
	}
	return none
}

func (st *sentence) lastw(k int) uint64 {
	if k < len(st.words) {
		return st.words[len(st.words)-1-k].h
	}
	return none
}

// salt keeps the features of unpunctuated units (automatic captions)
// apart from those of punctuated ones: the same words mean different
// things when the punctuation that usually comes with them is missing.
const salt = 1000

func (q *Sequence) add(tmpl uint64, vals ...uint64) {
	q.Emit = append(q.Emit, mix(tmpl+q.salt, vals...))
}

func (q *Sequence) emission(i int) {
	s := &q.sents[i]
	q.salt = 0
	if !s.punct {
		q.salt = salt
	}
	n := len(q.sents)
	p := uint64(s.last)
	lb := lenBucket(len(s.words))
	q.add(eBias)
	q.add(eFirst, s.first(0))
	q.add(eFirst2, s.first(0), s.first(1))
	q.add(eFirst3, s.first(0), s.first(1), s.first(2))
	q.add(eLast, s.lastw(0))
	q.add(eLast2, s.lastw(1), s.lastw(0))
	q.add(ePunct, p)
	if s.qmark {
		q.add(eQmark)
	}
	q.add(eLen, lb)
	q.add(eFirstPunct, s.first(0), p)
	q.add(eLenPunct, lb, p)
	for k, w := range s.words {
		q.add(eWord, w.h)
		if k > 0 {
			q.add(eBigram, s.words[k-1].h, w.h)
		}
	}
	if i > 0 {
		pr := &q.sents[i-1]
		q.add(ePrevPunct, uint64(pr.last))
		q.add(ePrevPunctLen, uint64(pr.last), lb)
		q.add(ePrevFirst, pr.first(0))
		q.add(ePrevLen, lenBucket(len(pr.words)))
	} else {
		q.add(ePos, 0)
	}
	if i+1 < n {
		nx := &q.sents[i+1]
		q.add(eNextFirst, nx.first(0))
		q.add(eNextPunct, uint64(nx.last))
		q.add(eNextLen, lenBucket(len(nx.words)))
	} else {
		q.add(ePos, 1)
	}
	if i == 1 {
		q.add(ePos, 2)
	}
	uq, sq := distBucket(int(q.untilQ[i])), distBucket(int(q.sinceQ[i]))
	q.add(eUntilQ, uq)
	q.add(eSinceQ, sq)
	q.add(eSinceUntilQ, sq, uq, p)
	if n-i <= 3 {
		q.add(ePos, 3)
	}
}

func (q *Sequence) addT(tmpl uint64, vals ...uint64) {
	h := mix64(tmpl+q.salt, vals...)
	q.ToI = append(q.ToI, fold(h*0xD6E8FEB86659FD93))
	q.ToG = append(q.ToG, fold(h*0xCA5A826395121157+1))
}

func (q *Sequence) transition(i int) {
	s := &q.sents[i]
	q.salt = 0
	if !s.punct {
		q.salt = salt
	}
	pr := &q.sents[i-1]
	pp := uint64(pr.last)
	lb := lenBucket(len(s.words))
	plb := lenBucket(len(pr.words))
	q.addT(tBias)
	q.addT(tFirst, s.first(0))
	q.addT(tFirst2, s.first(0), s.first(1))
	q.addT(tPrevPunct, pp)
	q.addT(tPrevLast, pr.lastw(0))
	q.addT(tPrevPunctFirst, pp, s.first(0))
	q.addT(tLen, lb)
	q.addT(tPrevLen, plb)
	q.addT(tPrevPunctLen, pp, lb)
	q.addT(tUntilQ, distBucket(int(q.untilQ[i])), pp)
	q.addT(tSinceQ, distBucket(int(q.sinceQ[i])), pp)
	if i+1 < len(q.sents) {
		nx := &q.sents[i+1]
		q.addT(tNextFirst, nx.first(0))
		q.addT(tLenNextLen, lb, lenBucket(len(nx.words)))
	}
}
