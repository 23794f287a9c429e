package model

import (
	"github.com/textdiarize/diarize/transcript/internal/par"
	"github.com/textdiarize/diarize/turn"
)

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
	ePrevLastW
	ePrevLast2
	eNextFirst2
	eNextLastP
	ePrev2First
	eNext2First
	eProfile
	_ // retired: the echo of the unit before, how many of its longer words this one takes up
	eWordsQ
	ePrevLenPunctFirst

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
	tPrevLast2
	tNextFirst2
	tProfile
	tPrev2Punct
	_ // retired: the echo as a change feature
	tWordsQ
	tPrevLenPunctFirst
	tCut
	tCutPrevLen
	tQEndPrev
	tLower

	// Emission templates added after the change ones, numbered apart.
	eCut     = 60
	eCutNext = 61
	eQEnd    = 62
	eQEndPre = 63
	eQuote   = 64
)

// wordBucket buckets a count of words to or from the nearest question.
func wordBucket(n int) uint64 {
	switch {
	case n < 0:
		return 0 // no question that way
	case n == 0:
		return 1
	case n <= 5:
		return 2
	case n <= 15:
		return 3
	case n <= 40:
		return 4
	case n <= 100:
		return 5
	case n <= 250:
		return 6
	}
	return 7
}

// wordsQ returns the buckets of the number of words since the last and
// until the next unit that ends a question ([sentence.asked]), unit i's
// own left out: the units counted by sinceQ and untilQ say little when one
// of them is a long answer.
func (q *Sequence) wordsQ(i int) (since, until uint64) {
	s, u := -1, -1
	if q.sinceQ[i] >= 0 {
		last := i - int(q.sinceQ[i])
		s = int(q.woff[i] - q.woff[last+1])
	}
	if q.untilQ[i] >= 0 {
		next := i + int(q.untilQ[i])
		u = int(q.woff[next] - q.woff[i+1])
	}
	return wordBucket(s), wordBucket(u)
}

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

	facts []facts
	// The words' hashes of units c<<chunkShift to (c+1)<<chunkShift - 1
	// are in wbuf[c], one after the other. woff[i] is the number of words
	// before unit i; nwords is the total.
	wbuf   [][]uint32
	woff   []int32
	nwords int
	// untilQ and sinceQ count the units to the next and since the last
	// unit that ends a question ([sentence.asked]); -1 when there is none.
	untilQ, sinceQ []int32
	// cold is the number of units at the start that belong to a cold
	// open: the adaptation leaves them out (see adaptFeatures).
	cold int
}

// Extract computes the features of the units sents of src.
func Extract(src []byte, sents []turn.Span) *Sequence {
	q := scanUnits(src, sents)
	q.Emit = make([]uint32, 0, q.nwords*2+len(sents)*32)
	q.EmitOff = make([]int32, 1, len(sents)+1)
	q.ToI = make([]uint32, 0, len(sents)*14)
	q.ToG = make([]uint32, 0, len(sents)*14)
	q.TransOff = make([]int32, 1, len(sents)+1)
	b := builder{q: q, emit: q.Emit, toI: q.ToI, toG: q.ToG}
	for i := range q.facts {
		b.features(i)
		q.EmitOff = append(q.EmitOff, int32(len(b.emit)))
		q.TransOff = append(q.TransOff, int32(len(b.toI)))
	}
	q.Emit, q.ToI, q.ToG = b.emit, b.toI, b.toG
	return q
}

// A builder appends the hashed features of a sequence's units to its
// slices. Builders over one Sequence may run at once.
type builder struct {
	q              *Sequence
	emit, toI, toG []uint32
	salt           uint64 // of the unit being built
	// Of the unit being built, worked out by emission for its transition
	// too: the word-distance buckets to questions.
	wsince, wuntil uint64
	cut            uint64 // of an unpunctuated unit only
	// The last cut bucket worked out, of the gap before unit cutFor (0
	// for none): a unit's next gap is the following unit's first.
	cutFor int
	cutVal uint64
	// The units around the one being built, with their words, by index
	// modulo 8: each is put together once for the features of the five
	// units that look at it.
	ring [8]struct {
		at int // the unit's index + 1; 0 for none
		s  sentence
	}
}

// unit returns unit i of the sequence with its words.
func (b *builder) unit(i int) *sentence {
	e := &b.ring[i&7]
	if e.at != i+1 {
		e.at, e.s = i+1, b.q.unit(i)
	}
	return &e.s
}

// cutBucket is the cut bucket of the gap before unit i, which must not
// be the first, each gap worked out once as the builder goes from unit to
// unit.
func (b *builder) cutBucket(i int) uint64 {
	if b.cutFor != i {
		b.cutFor, b.cutVal = i, cutBucket(b.unit(i-1), b.unit(i))
	}
	return b.cutVal
}

// features appends the features of unit i to b.emit, b.toI and b.toG.
func (b *builder) features(i int) {
	b.emission(i)
	if i > 0 {
		b.transition(i)
	}
}

// scanUnits returns the Sequence of the units sents of src with their
// words, but without features.
func scanUnits(src []byte, sents []turn.Span) *Sequence {
	q := scanWords(src, sents)
	q.markQuestions(Default())
	q.countQuestions()
	return q
}

// scanWords returns the Sequence of the units sents of src with their
// words and facts, before the question-end model has read them.
func scanWords(src []byte, sents []turn.Span) *Sequence {
	n := len(sents)
	q := &Sequence{Spans: sents}
	q.facts = make([]facts, n)
	q.woff = make([]int32, n+1)
	q.wbuf = make([][]uint32, (n+chunkSize-1)>>chunkShift)
	// On all CPUs, each chunk of units into a buffer of its own. A unit's
	// words are scanned into a scratch buffer, and only their 32-bit
	// hashes are kept, a quarter of the scratch words' size. woff counts
	// from the chunk's start at first.
	par.Range(len(q.wbuf), 1, func(lo, hi int) {
		var ws []word
		for c := lo; c < hi; c++ {
			a, z := c<<chunkShift, min(n, (c+1)<<chunkShift)
			hs := make([]uint32, 0, roomFor(sents[z-1].End-sents[a].Start))
			for i := a; i < z; i++ {
				q.woff[i] = int32(len(hs))
				st := &q.facts[i]
				*st, ws = scan(src, sents[i], ws[:0])
				st.countPronouns(ws)
				for _, w := range ws {
					hs = append(hs, uint32(w.h))
				}
			}
			q.wbuf[c] = hs
		}
	})
	base := int32(0)
	for c, hs := range q.wbuf {
		a, z := c<<chunkShift, min(n, (c+1)<<chunkShift)
		for i := a; i < z; i++ {
			q.woff[i] += base
		}
		base += int32(len(hs))
	}
	q.woff[n] = base
	q.nwords = int(base)
	q.uncase()
	return q
}

// uncase clears the lower-case flag of every unit when most punctuated
// units have it: in text written without capitals a unit that opens in
// lower case is not a sentence cut short.
func (q *Sequence) uncase() {
	punct, lower := 0, 0
	for i := range q.facts {
		if f := &q.facts[i]; f.punct {
			punct++
			if f.lower {
				lower++
			}
		}
	}
	if punct < 10 || lower*5 < punct*4 {
		return
	}
	for i := range q.facts {
		q.facts[i].lower = false
	}
}

// countQuestions counts, for each unit, the units since the last and to
// the next question.
func (q *Sequence) countQuestions() {
	q.untilQ = make([]int32, q.Len())
	q.sinceQ = make([]int32, q.Len())
	last := -1
	for i := range q.facts {
		q.sinceQ[i] = -1
		if last >= 0 {
			q.sinceQ[i] = int32(i - last)
		}
		if q.facts[i].asked() {
			last = i
		}
	}
	next := -1
	for i := len(q.facts) - 1; i >= 0; i-- {
		q.untilQ[i] = -1
		if next >= 0 {
			q.untilQ[i] = int32(next - i)
		}
		if q.facts[i].asked() {
			next = i
		}
	}
}

// Len returns the number of units.
func (q *Sequence) Len() int { return len(q.Spans) }

// Units are scanned, and their words kept, in chunks of chunkSize.
const (
	chunkShift = 8
	chunkSize  = 1 << chunkShift
)

// words returns the hashes of the words of unit i.
func (q *Sequence) words(i int) []uint32 {
	c := i >> chunkShift
	from := q.woff[c<<chunkShift]
	return q.wbuf[c][q.woff[i]-from : q.woff[i+1]-from]
}

// unit returns unit i with its words.
func (q *Sequence) unit(i int) sentence {
	return sentence{facts: q.facts[i], words: q.words(i)}
}

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

func (st sentence) first(k int) uint64 {
	if k < len(st.words) {
		return uint64(st.words[k])
	}
	return none
}

func (st sentence) lastw(k int) uint64 {
	if k < len(st.words) {
		return uint64(st.words[len(st.words)-1-k])
	}
	return none
}

// salt keeps the features of unpunctuated units (automatic captions)
// apart from those of punctuated ones: the same words mean different
// things when the punctuation that usually comes with them is missing.
const salt = 1000

// m0 to m4 hash an emission template, salted, with 0 to 4 values into an
// index into the weight table: mix with its values spelled out.
func (b *builder) m0(tmpl uint64) uint32          { return fold(b.h0(tmpl)) }
func (b *builder) m1(tmpl, v uint64) uint32       { return fold(b.h1(tmpl, v)) }
func (b *builder) m2(tmpl, v, w uint64) uint32    { return fold(b.h2(tmpl, v, w)) }
func (b *builder) m3(tmpl, v, w, x uint64) uint32 { return fold(b.h3(tmpl, v, w, x)) }
func (b *builder) m4(tmpl, v, w, x, y uint64) uint32 {
	return fold(b.h4(tmpl, v, w, x, y))
}

// h0 to h4 are the 64-bit hashes m0 to m4 fold: mix64 of the salted
// template and the values.
func (b *builder) h0(tmpl uint64) uint64          { return start(tmpl + b.salt) }
func (b *builder) h1(tmpl, v uint64) uint64       { return step(b.h0(tmpl), v) }
func (b *builder) h2(tmpl, v, w uint64) uint64    { return step(b.h1(tmpl, v), w) }
func (b *builder) h3(tmpl, v, w, x uint64) uint64 { return step(b.h2(tmpl, v, w), x) }
func (b *builder) h4(tmpl, v, w, x, y uint64) uint64 {
	return step(b.h3(tmpl, v, w, x), y)
}

func (b *builder) emission(i int) {
	q := b.q
	s := b.unit(i)
	b.salt = 0
	if !s.punct {
		b.salt = salt
	}
	n := len(q.facts)
	// The indexes go to a local slice, stored back at the end: appending
	// to b.emit would store and reload its header for every feature.
	e := b.emit
	p := uint64(s.last)
	lb := lenBucket(len(s.words))
	e = append(e, b.m0(eBias))
	e = append(e, b.m1(eFirst, s.first(0)))
	e = append(e, b.m2(eFirst2, s.first(0), s.first(1)))
	e = append(e, b.m3(eFirst3, s.first(0), s.first(1), s.first(2)))
	e = append(e, b.m1(eLast, s.lastw(0)))
	e = append(e, b.m2(eLast2, s.lastw(1), s.lastw(0)))
	e = append(e, b.m1(ePunct, p))
	if s.qmark {
		e = append(e, b.m0(eQmark))
	}
	e = append(e, b.m1(eLen, lb))
	if s.quote {
		e = append(e, b.m1(eQuote, p))
	}
	e = append(e, b.m2(eFirstPunct, s.first(0), p))
	e = append(e, b.m2(eLenPunct, lb, p))
	for k, w := range s.words {
		e = append(e, b.m1(eWord, uint64(w)))
		if k > 0 {
			e = append(e, b.m2(eBigram, uint64(s.words[k-1]), uint64(w)))
		}
	}
	if i > 0 {
		pr := b.unit(i - 1)
		e = append(e, b.m1(ePrevPunct, uint64(pr.last)))
		e = append(e, b.m2(ePrevPunctLen, uint64(pr.last), lb))
		e = append(e, b.m1(ePrevFirst, pr.first(0)))
		e = append(e, b.m1(ePrevLen, lenBucket(len(pr.words))))
	} else {
		e = append(e, b.m1(ePos, 0))
	}
	if i+1 < n {
		nx := b.unit(i + 1)
		e = append(e, b.m1(eNextFirst, nx.first(0)))
		e = append(e, b.m1(eNextPunct, uint64(nx.last)))
		e = append(e, b.m1(eNextLen, lenBucket(len(nx.words))))
	} else {
		e = append(e, b.m1(ePos, 1))
	}
	if i == 1 {
		e = append(e, b.m1(ePos, 2))
	}
	if i > 0 {
		pr := b.unit(i - 1)
		e = append(e, b.m2(ePrevLastW, pr.lastw(0), p))
		e = append(e, b.m2(ePrevLast2, pr.lastw(1), pr.lastw(0)))
	}
	if i+1 < n {
		nx := b.unit(i + 1)
		e = append(e, b.m2(eNextFirst2, nx.first(0), nx.first(1)))
		e = append(e, b.m2(eNextLastP, nx.lastw(0), uint64(nx.last)))
	}
	if i > 1 {
		e = append(e, b.m2(ePrev2First, b.unit(i-2).first(0), uint64(q.facts[i-2].last)))
	}
	if i+2 < n {
		e = append(e, b.m2(eNext2First, b.unit(i+2).first(0), uint64(q.facts[i+2].last)))
	}
	e = append(e, b.m3(eProfile, s.nI(), s.nYou(), s.nWe()))
	uq, sq := distBucket(int(q.untilQ[i])), distBucket(int(q.sinceQ[i]))
	e = append(e, b.m1(eUntilQ, uq))
	e = append(e, b.m1(eSinceQ, sq))
	e = append(e, b.m3(eSinceUntilQ, sq, uq, p))
	if n-i <= 3 {
		e = append(e, b.m1(ePos, 3))
	}
	b.wsince, b.wuntil = q.wordsQ(i)
	e = append(e, b.m4(eWordsQ, b.wsince, b.wuntil, p, lb))
	if i > 0 {
		pr := b.unit(i - 1)
		e = append(e, b.m3(ePrevLenPunctFirst, lenBucket(len(pr.words)), uint64(pr.last), s.first(0)))
	}
	if !s.punct {
		// How sure the boundary model is of the cuts before and after.
		if i > 0 {
			b.cut = b.cutBucket(i)
			e = append(e, b.m1(eCut, b.cut))
		}
		if i+1 < n {
			e = append(e, b.m1(eCutNext, b.cutBucket(i+1)))
		}
		// How sure the question-end model is that this unit and the one
		// before it end a question.
		e = append(e, b.m1(eQEnd, uint64(s.qend)))
		if i > 0 {
			e = append(e, b.m1(eQEndPre, uint64(q.facts[i-1].qend)))
		}
	}
	b.emit = e
}

func (b *builder) transition(i int) {
	q := b.q
	s := b.unit(i)
	b.salt = 0
	if !s.punct {
		b.salt = salt
	}
	pr := b.unit(i - 1)
	pp := uint64(pr.last)
	lb := lenBucket(len(s.words))
	plb := lenBucket(len(pr.words))
	// Each feature is hashed once; the hash then gives one index for a
	// change to the interviewer and another for a change to the guest.
	var buf [maxTransition]uint64
	h := append(buf[:0],
		b.h0(tBias),
		b.h1(tFirst, s.first(0)),
		b.h2(tFirst2, s.first(0), s.first(1)),
		b.h1(tPrevPunct, pp),
		b.h1(tPrevLast, pr.lastw(0)),
		b.h2(tPrevPunctFirst, pp, s.first(0)),
		b.h1(tLen, lb),
		b.h1(tPrevLen, plb),
		b.h2(tPrevPunctLen, pp, lb),
		b.h2(tUntilQ, distBucket(int(q.untilQ[i])), pp),
		b.h2(tSinceQ, distBucket(int(q.sinceQ[i])), pp),
		b.h2(tPrevLast2, pr.lastw(1), pr.lastw(0)),
	)
	if i > 1 {
		h = append(h, b.h2(tPrev2Punct, uint64(q.facts[i-2].last), pp))
	}
	h = append(h,
		b.h2(tProfile, min(s.nI(), 2), min(s.nYou(), 2)),
		b.h3(tWordsQ, b.wsince, b.wuntil, pp), // computed by emission
		b.h3(tPrevLenPunctFirst, plb, pp, s.first(0)),
	)
	if i+1 < len(q.facts) {
		nx := b.unit(i + 1)
		h = append(h,
			b.h2(tNextFirst2, nx.first(0), nx.first(1)),
			b.h1(tNextFirst, nx.first(0)),
			b.h2(tLenNextLen, lb, lenBucket(len(nx.words))),
		)
	}
	if s.lower && s.punct {
		h = append(h, b.h1(tLower, pp))
	}
	if !s.punct {
		h = append(h, b.h1(tCut, b.cut), b.h2(tCutPrevLen, b.cut, plb)) // cut computed by emission
		h = append(h, b.h1(tQEndPrev, uint64(pr.qend)))
	}
	toI, toG := b.toI, b.toG
	for _, x := range h {
		toI = append(toI, fold(x*0xD6E8FEB86659FD93))
	}
	for _, x := range h {
		toG = append(toG, fold(x*0xCA5A826395121157+1))
	}
	b.toI, b.toG = toI, toG
}

// maxTransition is the most transition features a unit has.
const maxTransition = 24
