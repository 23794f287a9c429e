package transcript

import (
	"encoding/binary"
	"slices"
	"sort"
	"sync"

	"github.com/textdiarize/diarize/turn"
)

// A cold open (or teaser) is the stretch at the start of an episode made of
// clips from later in the conversation, played before the interview
// starts. findTeaser recognises it by recurrence: the opening's passages
// are found again, near verbatim, further on.
//
// Text is compared by its letters and digits, ASCII case folded, so that
// punctuation, white space and capitals do not matter: a recognizer that
// writes "And yet, there" once and "and yet there" the next time still
// repeats itself. A word of the opening recurs when it lies in a passage
// of at least coldMinMatch letters and digits found again after the
// opening. Noise spans are skipped on both sides and no passage crosses
// one, so a repetition loop never counts as recurrence.
//
// The cold open is then the longest run from the opening's first word
// such that
//   - no more than coldMaxGap words in a row inside it fail to recur,
//   - at least 60% of its words recur, and at least coldMinWords of them,
//   - and it ends before the interview's body starts: at least coldBody
//     words of the opening follow it, of which at most half recur. A
//     transcript pasted twice recurs all the way through the opening, so
//     it has no cold open: its start is the interview, heard once before.
//
// Filler sounds ("uh", "um") are left out of the count of words. The end
// moves to the end of the sentence when only a few of its words are left
// (a recognizer often writes a clip's last words differently). When the
// later occurrence of the last clip runs into a noise span, the
// recognizer's loop has swallowed the rest of that clip there: the next
// sentence, if short, is taken as the clip's end.
//
// The input beyond the opening is not read byte by byte: it is sampled
// every coldStride bytes, and the coldGram bytes at each sample are looked
// up in a table of the grams at every offset of the opening (behind a
// filter of 32 KB that most samples stop at). A passage that recurs over
// coldStride+coldGram-1 bytes or more holds a sample; a hit is extended
// both ways to the whole passage, and the later samples of a passage
// already walked are passed over, so each is walked once. Sampling stops
// early when the whole opening recurs, or when what recurs already runs
// too far into the opening to leave room for a cold open (a transcript
// pasted twice). The opening is at most coldMaxBytes, so memory is
// bounded, and the time is linear in the input: about 0.5 ms a megabyte,
// a few percent of a parse.
const (
	coldGram      = 16       // bytes of a sampled gram
	coldStride    = 16       // bytes between samples
	coldMinMatch  = 24       // letters and digits of a recurring passage, at least
	coldMaxBytes  = 12 << 10 // the opening holds at most this many bytes
	coldPercent   = 15       // and at most this share of the input
	coldMinWords  = 20       // recurring words a cold open holds at least
	coldMaxGap    = 16       // longest run of non-recurring words inside a cold open
	coldBody      = 50       // words of the opening that must follow a cold open
	coldTailWords = 3        // words left in the last sentence that are taken along
	coldCutWords  = 20       // longest sentence taken as a clip's end cut off by noise
	coldCutReach  = 16       // bytes between a recurrence and the noise that cuts it
	coldChain     = 16       // opening offsets tried per sample, at most
	coldBack      = 256      // bytes a match is extended backward after the opening, at most
	coldMaxRecs   = 4096     // recurring passages kept, the first found, at most
	caseFold      = 0x2020202020202020
)

// findTeaser returns the cold open of src, or the zero Span when there is
// none, and the passages of the cold open found again later. noise are the
// noise spans of src and units its sentences, both in order.
func findTeaser(src []byte, noise, units []turn.Span) (turn.Span, []recurrence) {
	c := coldPool.Get().(*coldOpen)
	defer coldPool.Put(c)
	span := c.find(src, noise, units)
	if span.Len() <= 0 {
		return span, nil
	}
	var recs []recurrence
	for _, r := range c.recs {
		if r.clip.Start < span.End {
			recs = append(recs, r)
		}
	}
	return span, recs
}

// A recurrence is a passage of the opening, clip, found again later, at
// later: both spans run from the first to the last matching letter or
// digit.
type recurrence struct{ clip, later turn.Span }

var coldPool = sync.Pool{New: func() any { return new(coldOpen) }}

// A coldOpen holds the buffers of one detection; they are reused.
type coldOpen struct {
	src    []byte
	noise  []turn.Span
	end    int        // the end of the opening
	words  []coldWord // the opening's words, fillers left out
	table  []int32    // gram slot -> 1 + the last opening offset with a gram there
	chain  []int32    // chain[o] -> 1 + the previous offset with the same slot
	cov    []bool     // per opening byte: a recurring letter or digit
	cut    []bool     // per opening byte: the last letter of a recurrence cut by noise
	filter []uint64   // a bit per gram hash of the opening
	shift  uint

	keys, covered int // letters and digits of the opening's words, and those recurring
	budget        int // bytes after the opening that extensions may still walk
	recs          []recurrence
}

// A coldWord is a word of the opening: first and last are the offsets of
// its first and last letter or digit.
type coldWord struct{ start, end, first, last int }

// keyByte maps a byte to what is compared: ASCII letters lowercased,
// digits and the bytes of other runes as they are, and 0 for the rest
// (white space, punctuation), which is skipped.
var keyByte = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c >= 0x80:
			t[c] = uint8(c)
		case 'A' <= c && c <= 'Z':
			t[c] = uint8(c + 'a' - 'A')
		}
	}
	return t
}()

// isFiller reports whether the word w is a filler sound.
func isFiller(w []byte) bool {
	var k [4]byte
	n := 0
	for _, b := range w {
		if c := keyByte[b]; c != 0 {
			if n == len(k) {
				return false
			}
			k[n] = c
			n++
		}
	}
	switch string(k[:n]) {
	case "uh", "um", "umm", "uhm", "er", "erm", "ah", "ahh", "hm", "hmm", "mm", "mhm":
		return true
	}
	return false
}

func (c *coldOpen) find(src []byte, noise, units []turn.Span) turn.Span {
	c.src, c.noise, c.recs = src, noise, c.recs[:0]
	defer func() { c.src, c.noise = nil, nil }()
	c.opening(min(len(src)*coldPercent/100, coldMaxBytes))
	n := len(c.words)
	if n < coldMinWords+coldBody {
		return turn.Span{}
	}
	c.build()
	c.budget = 2*len(src) + 1<<16
	c.sample()
	if c.budget < 0 {
		return turn.Span{} // too repetitive to tell
	}

	last := c.run()
	if last < 0 {
		return turn.Span{}
	}
	recurring := 0
	for _, w := range c.words[:last+1] {
		if c.recurs(w) {
			recurring++
		}
	}
	if recurring < coldMinWords {
		return turn.Span{}
	}

	// The end: the rest of a sentence only a few words short, or the
	// next sentence when noise cut the clip's recurrence short.
	lw := c.words[last]
	end, next := lw.end, last+1
	sentence := func(from int) (int, int) {
		u, ok := unitAt(units, c.words[from].start)
		if !ok {
			return 0, 0
		}
		k := from
		for k < n && c.words[k].start < u.End {
			k++
		}
		return u.End, k - from
	}
	if e, k := sentence(last); k-1 <= coldTailWords && e > end {
		end, next = e, last+k
	}
	if slices.Contains(c.cut[lw.first:lw.last+1], true) && next < n {
		if e, k := sentence(next); k > 0 && k <= coldCutWords {
			end, next = e, next+k
		}
	}

	// The body of the interview must follow, and mostly not recur.
	if n-next < coldBody {
		return turn.Span{}
	}
	after := 0
	for _, w := range c.words[next : next+coldBody] {
		if c.recurs(w) {
			after++
		}
	}
	if after*2 > coldBody {
		return turn.Span{}
	}
	return turn.Span{Start: c.words[0].start, End: end}
}

// unitAt returns the unit that holds offset.
func unitAt(units []turn.Span, offset int) (turn.Span, bool) {
	i := sort.Search(len(units), func(i int) bool { return units[i].End > offset })
	if i < len(units) && units[i].Start <= offset {
		return units[i], true
	}
	return turn.Span{}, false
}

// opening reads the words of the input's opening, the white-space
// separated tokens outside noise with a letter or digit, that end by
// limit. c.end is set to where the opening ends; the gram table and the
// coverage cover c.src[:c.end].
func (c *coldOpen) opening(limit int) {
	src, noise := c.src, c.noise
	c.words, c.keys, c.covered = c.words[:0], 0, 0
	ni := 0
	i := 0
	for i < len(src) && i < limit {
		for i < len(src) && isSpaceByte(src[i]) {
			i++
		}
		start := i
		for i < len(src) && i < limit && !isSpaceByte(src[i]) {
			i++
		}
		if start == i || i < len(src) && !isSpaceByte(src[i]) {
			i = start // the word runs past the limit: the opening ends before it
			break
		}
		for ni < len(noise) && noise[ni].End <= start {
			ni++
		}
		if ni < len(noise) && noise[ni].Start < i {
			continue // in or across a noise span
		}
		w := coldWord{start: start, end: i, first: -1}
		for k := start; k < i; k++ {
			if keyByte[src[k]] != 0 {
				if w.first < 0 {
					w.first = k
				}
				w.last = k
				c.keys++
			}
		}
		if w.first >= 0 && (i-start > 4 || !isFiller(src[start:i])) {
			c.words = append(c.words, w)
		}
	}
	c.end = i
	c.cov = grow(c.cov, c.end)
	c.cut = grow(c.cut, c.end)
}

// grow returns b resized to n, all false.
func grow(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// gram returns the coldGram bytes at src[p:] as two words, ASCII case
// folded (and some punctuation with it, the same on both sides).
func gram(src []byte, p int) (a, b uint64) {
	return binary.LittleEndian.Uint64(src[p:]) | caseFold, binary.LittleEndian.Uint64(src[p+8:]) | caseFold
}

// hash mixes a gram into a hash whose high bits pick the table slot and
// whose low bits pick the filter bit.
func (c *coldOpen) hash(a, b uint64) (slot uint64, bit uint64) {
	h := (a*0x9E3779B97F4A7C15 ^ b) * 0xBF58476D1CE4E5B9
	return h >> c.shift, (h ^ h>>29) & (coldFilterBits - 1)
}

// coldFilterBits is the size of the filter that most samples stop at:
// 32 KB, so that it stays in the first-level cache.
const coldFilterBits = 1 << 18

// build makes the table of the grams at every offset of the opening that
// holds no noise, and the filter of their hashes.
func (c *coldOpen) build() {
	size := 1 << 10
	for size < c.end {
		size *= 2
	}
	if cap(c.table) >= size {
		c.table = c.table[:size]
		clear(c.table)
	} else {
		c.table = make([]int32, size)
	}
	if cap(c.chain) >= c.end {
		c.chain = c.chain[:c.end]
	} else {
		c.chain = make([]int32, c.end)
	}
	if c.filter == nil {
		c.filter = make([]uint64, coldFilterBits/64)
	} else {
		clear(c.filter)
	}
	c.shift = 64
	for s := size; s > 1; s >>= 1 {
		c.shift--
	}
	ni := 0
	for o := 0; o+coldGram <= c.end; o++ {
		for ni < len(c.noise) && c.noise[ni].End <= o {
			ni++
		}
		if ni < len(c.noise) && c.noise[ni].Start < o+coldGram {
			o = c.noise[ni].End - 1
			continue
		}
		s, bit := c.hash(gram(c.src, o))
		c.chain[o] = c.table[s]
		c.table[s] = int32(o + 1)
		c.filter[bit/64] |= 1 << (bit % 64)
	}
}

// A diagonal is the distance from an offset of the opening to the offset
// it matches after it; a recurring passage lies on one diagonal.
type diagonal struct{ d, end int }

// sample looks up a gram every coldStride bytes after the opening, and
// extends each hit into the passage around it. A passage is walked once:
// the samples inside it that lie on the same diagonal are passed over.
func (c *coldOpen) sample() {
	src, noise := c.src, c.noise
	var recent [coldChain]diagonal
	next := 0 // the entry of recent to replace
	check := c.keys / 8
	ni := sort.Search(len(noise), func(i int) bool { return noise[i].End > c.end })
	for p := c.end; p+coldGram <= len(src); p += coldStride {
		for ni < len(noise) && noise[ni].End <= p {
			ni++
		}
		if ni < len(noise) && noise[ni].Start < p+coldGram {
			p = noise[ni].End - coldStride
			continue
		}
		a, b := gram(src, p)
		s, bit := c.hash(a, b)
		if c.filter[bit/64]&(1<<(bit%64)) == 0 {
			continue
		}
		steps := 0
	chain:
		for o := c.table[s]; o != 0 && steps < coldChain; o = c.chain[o-1] {
			steps++
			o := int(o - 1)
			if oa, ob := gram(src, o); oa != a || ob != b {
				continue
			}
			d, lo := p-o, c.end
			k := next
			for i, r := range recent {
				if r.d == d {
					if r.end > p {
						continue chain // inside a passage already walked
					}
					k, lo = i, r.end
					break
				}
			}
			if k == next {
				next = (next + 1) % len(recent)
			}
			recent[k] = diagonal{d, c.extend(o, p, lo)}
			if c.covered >= check {
				if c.covered == c.keys || c.decided() {
					return
				}
				check = min(c.keys, c.covered+c.keys/8)
			}
			if c.budget < 0 {
				return
			}
		}
	}
}

// decided reports whether the words that recur so far already run too far
// into the opening to leave room for the interview's body after them. More
// recurrence only makes that run longer, so there is no cold open.
func (c *coldOpen) decided() bool { return c.run() >= len(c.words)-coldBody }

// recurs reports whether the opening's word w recurs later.
func (c *coldOpen) recurs(w coldWord) bool { return c.cov[w.first] && c.cov[w.last] }

// run returns the index of the last word of the longest run from the
// opening's first word with no more than coldMaxGap words in a row that
// do not recur and at least 60% that do, or -1 when there is none.
func (c *coldOpen) run() int {
	last, covered, gap := -1, 0, 0
	for i, w := range c.words {
		if !c.recurs(w) {
			if gap++; gap > coldMaxGap {
				break
			}
			continue
		}
		gap = 0
		if covered++; covered*5 >= (i+1)*3 {
			last = i
		}
	}
	return last
}

// extend grows the match of the opening's offset o with the offset p
// after it both ways, over the letters and digits, within the noise-free
// stretches around each and not back before lo after the opening; when
// the match holds coldMinMatch of them, it marks the opening's as
// recurring. It returns where the match ends after the opening.
func (c *coldOpen) extend(o, p, lo int) int {
	src := c.src
	oLo, oHi := c.clear(o, 0, c.end)
	pLo, pHi := c.clear(p, lo, len(src))
	n := 0
	// Forward.
	i, j := o, p
	oe, pe := o, p
	for {
		for i < oHi && keyByte[src[i]] == 0 {
			i++
		}
		for j < pHi && keyByte[src[j]] == 0 {
			j++
		}
		if i == oHi || j == pHi || keyByte[src[i]] != keyByte[src[j]] {
			break
		}
		i, j, n = i+1, j+1, n+1
		oe, pe = i, j
	}
	// Backward, to the start of the passage: a sample at most coldStride
	// bytes after it has the same gram as the opening, unless
	// punctuation or case differ there, so coldBack bytes are enough.
	pLo = max(pLo, p-coldBack)
	i, j = o-1, p-1
	ob, pb := o, p
	for {
		for i >= oLo && keyByte[src[i]] == 0 {
			i--
		}
		for j >= pLo && keyByte[src[j]] == 0 {
			j--
		}
		if i < oLo || j < pLo || keyByte[src[i]] != keyByte[src[j]] {
			break
		}
		ob, pb = i, j
		i, j, n = i-1, j-1, n+1
	}
	c.budget -= pe - j
	if n < coldMinMatch {
		return pe
	}
	if len(c.recs) < coldMaxRecs {
		c.recs = append(c.recs, recurrence{turn.Span{Start: ob, End: oe}, turn.Span{Start: pb, End: pe}})
	}
	for k := ob; k < oe; k++ {
		if keyByte[src[k]] != 0 && !c.cov[k] {
			c.cov[k] = true
			c.covered++
		}
	}
	// A noise span just after the passage's later occurrence cuts it.
	if k := sort.Search(len(c.noise), func(k int) bool { return c.noise[k].Start >= pe }); k < len(c.noise) && c.noise[k].Start-pe <= coldCutReach {
		c.cut[oe-1] = true
	}
	return pe
}

// clear returns the noise-free stretch of [lo, hi) around offset x.
func (c *coldOpen) clear(x, lo, hi int) (int, int) {
	k := sort.Search(len(c.noise), func(k int) bool { return c.noise[k].End > x })
	if k < len(c.noise) {
		hi = min(hi, c.noise[k].Start)
	}
	if k > 0 {
		lo = max(lo, c.noise[k-1].End)
	}
	return lo, hi
}

// markTeaser sets Teaser on the turns more than half inside t.Teaser.
func (t *Transcript) markTeaser() {
	if t.Teaser.Len() <= 0 {
		return
	}
	for i := range t.Turns {
		tu := &t.Turns[i]
		if tu.Start >= t.Teaser.End {
			break
		}
		in := min(tu.End, t.Teaser.End) - max(tu.Start, t.Teaser.Start)
		tu.Teaser = 2*in > tu.Len()
	}
}
