// Package noise finds speech-recognition artifacts in a transcript: a word
// or short phrase repeated in a loop, many times in a row, that nobody
// said.
package noise

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/textdiarize/diarize/turn"
)

// Thresholds: a loop is one word repeated at least MinWordRepeats times, or
// a phrase of up to MaxPhrase words repeated at least MinPhraseRepeats
// times. People do repeat themselves ("no, no, no", "very, very"), but not
// this often.
//
// A speaker who stammers is transcribed with commas ("it's, it's, it's");
// a recognizer stuck in a loop writes the word again and again with
// nothing between. So a run with punctuation inside is a loop only from
// StrongRepeats repeats on, and only a word that looped at least
// StrongRepeats times makes its shorter runs elsewhere noise too.
const (
	MinWordRepeats   = 6
	MinPhraseRepeats = 4
	MaxPhrase        = 4
	StrongRepeats    = 12
)

type token struct {
	start, end int
	key        uint64 // hash of the word's letters and digits, lowercased; 0 if none
}

// Find returns the loops in src as spans from the first byte of the first
// repeated word to the last byte of the last, in order and disjoint. Once a
// word has looped, shorter runs of it (two or more in a row) elsewhere in
// the input are artifacts of the same kind and are returned too.
//
// A quick pass finds the regions where a loop may be; only those are
// examined closely. Memory grows with the longest loop, not with src.
func Find(src []byte) []turn.Span {
	var out []turn.Span
	var loops []uint64 // keys of the words that loop
	regions, runs := candidates(src)
	var buf []token // the streams' buffer, reused from region to region
	for _, r := range regions {
		out, loops, buf = findLoops(src[:r.End], r.Start, out, loops, buf)
	}
	if len(loops) == 0 {
		return out
	}
	return withShortRuns(src, out, runs, loops)
}

// A run is two or more tokens in a row with the same key.
type run struct {
	turn.Span
	key uint64
}

// candidates returns, in order and disjoint, the byte ranges that hold a
// run of tokens equal to the token L before them (L up to MaxPhrase) long
// enough to be a loop. Outside them findLoops finds nothing. It also
// returns the runs of src, in order, for withShortRuns.
//
// It reads every byte of src, so it is written for speed: most tokens
// are read by short, and a token whose key differs from the last
// MaxPhrase keys, when no run is being counted, costs nothing more than
// the comparisons.
func candidates(src []byte) ([]turn.Span, []run) {
	var (
		runs  []run
		cur   run // the run being grown, when curN > 0
		curN  int
		out   []turn.Span
		prev  [MaxPhrase]uint64 // the last tokens' keys, prev[0] newest
		pst   [MaxPhrase]int    // and their starts
		keys  [MaxPhrase + 1]uint64
		start [MaxPhrase + 1]int
		cnt   [MaxPhrase + 1]int // matches in a row at distance L
		from  [MaxPhrase + 1]int // byte where the run at distance L began
		open  = -1               // start of the region being grown
		end   int
		n     int  // tokens seen
		busy  bool // some cnt[L] > 0, as when a run is being grown
	)
	i := 0
	for i < len(src) && class[src[i]] == clSpace {
		i++
	}
	for i < len(src) {
		ts := i
		key, te, ok := short(src, i)
		if !ok {
			t := slow(src, i)
			key, te = t.key, t.end
		}
		for i = te; i < len(src) && class[src[i]] == clSpace; i++ {
		}
		n++
		// Written out for MaxPhrase 4: see the check below candidates.
		if n > MaxPhrase && !busy &&
			key != prev[0] && key != prev[1] && key != prev[2] && key != prev[3] {
			// No match at any distance and no run to end: the loop
			// below would change nothing.
			prev[3], prev[2], prev[1], prev[0] = prev[2], prev[1], prev[0], key
			pst[3], pst[2], pst[1], pst[0] = pst[2], pst[1], pst[0], ts
			continue
		}
		keys[0], start[0] = key, ts
		copy(keys[1:], prev[:])
		copy(start[1:], pst[:])
		prev[3], prev[2], prev[1], prev[0] = prev[2], prev[1], prev[0], key
		pst[3], pst[2], pst[1], pst[0] = pst[2], pst[1], pst[0], ts
		if n > 1 && key == keys[1] {
			if curN == 0 {
				cur = run{turn.Span{Start: start[1]}, key}
				curN = 1
			}
			cur.End = te
			curN++
		} else if curN > 0 {
			runs = append(runs, cur)
			curN = 0
		}
		grow := false
		busy = false
		for L := 1; L <= MaxPhrase && L < n; L++ {
			if keys[0] != keys[L] {
				cnt[L] = 0
				continue
			}
			if cnt[L] == 0 {
				from[L] = start[L]
			}
			cnt[L]++
			busy = true
			need := MinPhraseRepeats
			if L == 1 {
				need = MinWordRepeats
			}
			if cnt[L]+L >= need*L {
				if open < 0 || from[L] > end {
					if open >= 0 {
						out = append(out, turn.Span{Start: open, End: end})
					}
					open = from[L]
				}
				open = min(open, from[L])
				grow = true
			}
		}
		if grow {
			end = te
		}
	}
	if open >= 0 {
		out = append(out, turn.Span{Start: open, End: end})
	}
	if curN > 0 {
		runs = append(runs, cur)
	}
	// Regions found at different distances may overlap: merge them.
	merged := out[:0]
	for _, r := range out {
		if k := len(merged) - 1; k >= 0 && r.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, r.End)
			continue
		}
		merged = append(merged, r)
	}
	return merged, runs
}

// The quick pass in candidates is written out for four.
var _ = [1]int{}[MaxPhrase-4]

// findLoops finds the loops among the tokens of src that start at or
// after byte from, appending them to out and the looping words' keys to
// loops. It tokenizes into buf, which it returns for the next call.
func findLoops(src []byte, from int, out []turn.Span, loops []uint64, buf []token) ([]turn.Span, []uint64, []token) {
	ts := stream{src: src, pos: from, buf: buf[:0]}
	i := 0
	for ts.has(i) {
		ts.drop(i)
		bestEnd, bestL := i, 0
		for L := 1; L <= MaxPhrase && ts.has(i+L); L++ {
			if ts.at(i).key == 0 {
				break
			}
			j := i + L
			for ts.has(j) && ts.at(j).key == ts.at(j-L).key {
				j++
			}
			count := (j - i) / L
			need := MinPhraseRepeats
			if L == 1 {
				need = MinWordRepeats
			}
			if count >= need && j > bestEnd {
				bestEnd, bestL = j, L
			}
		}
		if bestL == 0 {
			i++
			continue
		}
		span := turn.Span{Start: ts.at(i).start, End: ts.at(bestEnd - 1).end}
		strong := (bestEnd-i)/bestL >= StrongRepeats
		// Punctuation after the last repeat is the sentence's, not the
		// run's: look only up to the last token.
		if !strong && punctuated(src[span.Start:ts.at(bestEnd-1).start]) {
			i++
			continue
		}
		out = append(out, span)
		if strong {
			for k := i; k < i+bestL; k++ {
				loops = appendUnique(loops, ts.at(k).key)
			}
		}
		i = bestEnd
	}
	return out, loops, ts.buf[:0]
}

// withShortRuns returns the loops in out together with the runs of two or
// more of a looping word elsewhere in src, in order. runs are the runs
// of src, which candidates found: only those of a looping word are
// walked again, token by token, to cut them where they meet a loop, as a
// walk over the whole input would.
func withShortRuns(src []byte, out []turn.Span, runs []run, loops []uint64) []turn.Span {
	all := make([]turn.Span, 0, len(out))
	j := 0    // out[j:] are still to be emitted
	k := 0    // out[k] is the first loop that may meet the walk
	skip := 0 // a walk went over a loop up to here
	emit := func(s turn.Span) {
		for j < len(out) && out[j].Start < s.Start {
			all = append(all, out[j])
			j++
		}
		all = append(all, s)
	}
	for _, r := range runs {
		if !contains(loops, r.key) || r.End <= skip {
			continue
		}
		var part turn.Span
		n := 0
		flush := func() {
			if n >= 2 {
				emit(part)
			}
			n = 0
		}
		for pos := max(r.Start, skip); pos < r.End; {
			t, ok := next(src[:r.End], pos)
			if !ok {
				break
			}
			pos = t.end
			for k < len(out) && out[k].End <= t.start {
				k++
			}
			if k < len(out) && out[k].Start <= t.start {
				flush()
				pos, skip = out[k].End, out[k].End
				continue
			}
			if n == 0 {
				part.Start = t.start
			}
			part.End = t.end
			n++
		}
		flush()
	}
	return append(all, out[j:]...)
}

// A stream tokenizes src on demand. It holds the tokens from number base
// on; token k is buf[k-base].
type stream struct {
	src  []byte
	pos  int // the next byte to tokenize
	base int
	buf  []token
}

// has reports whether src has a token k, tokenizing up to it. k must not
// be below the last index passed to drop.
func (s *stream) has(k int) bool {
	return k-s.base < len(s.buf) || s.fill(k)
}

func (s *stream) fill(k int) bool {
	for k-s.base >= len(s.buf) {
		t, ok := next(s.src, s.pos)
		if !ok {
			return false
		}
		s.pos = t.end
		s.buf = append(s.buf, t)
	}
	return true
}

// at returns token k, which has must have reported.
func (s *stream) at(k int) token { return s.buf[k-s.base] }

// drop forgets the tokens before k, moving the rest down once they are at
// least half of the buffer, so that the cost is linear.
func (s *stream) drop(k int) {
	n := min(k-s.base, len(s.buf))
	if n < 256 || 2*n < len(s.buf) {
		return
	}
	s.buf = s.buf[:copy(s.buf, s.buf[n:])]
	s.base += n
}

// punctuated reports whether b holds a comma, a full stop or another mark
// that a transcriber puts between words a person said.
func punctuated(b []byte) bool {
	for _, c := range b {
		switch c {
		case ',', '.', ';', ':', '!', '?', '-':
			return true
		}
	}
	return false
}

func appendUnique(s []uint64, k uint64) []uint64 {
	if contains(s, k) {
		return s
	}
	return append(s, k)
}

func contains(s []uint64, k uint64) bool {
	for _, x := range s {
		if x == k {
			return true
		}
	}
	return false
}

// Byte classes for the tokenizer: what an ASCII byte contributes to a
// token's key.
const (
	clSpace = 0xff // ends a token
	clSkip  = 0xfe // punctuation: part of the token, not of its key
	clMulti = 0xfd // the first byte of a multi-byte rune
)

// class maps each byte to its class, or to itself lowercased when it is a
// letter, digit or apostrophe.
var class = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '\'':
			t[c] = byte(c)
		case c >= utf8.RuneSelf:
			t[c] = clMulti
		default:
			t[c] = clSkip
		}
	}
	return t
}()

// FNV-1a, the hash of the keys.
const (
	offset = 14695981039346656037
	prime  = 1099511628211
)

// next returns the first token of src at or after byte i, keyed by its
// letters and digits, lowercased; ok is false when there is none.
func next(src []byte, i int) (t token, ok bool) {
	for i < len(src) && class[src[i]] == clSpace {
		i++
	}
	if i == len(src) {
		return token{}, false
	}
	if key, end, ok := short(src, i); ok {
		return token{i, end, key}, true
	}
	return slow(src, i), true
}

// slow returns the token that starts at byte i of src, byte by byte.
func slow(src []byte, i int) (t token) {
	t.start = i
	h := uint64(offset)
	alnum := false
	for i < len(src) {
		k := class[src[i]]
		if k < clMulti {
			h = (h ^ uint64(k)) * prime
			alnum = true
			i++
			continue
		}
		if k == clSpace {
			break
		}
		if k == clSkip {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			h = (h ^ uint64(r)) * prime
			alnum = true
		}
		i += n
	}
	t.end = i
	if alnum {
		t.key = h
	}
	return t
}

// Bytes in a word, for the tests of short that look at eight at once.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// short reads the token that starts at byte i of src, which is not white
// space, eight bytes at a time, in the common case: an ASCII word of under
// eight bytes, letters, digits and apostrophes followed by punctuation or
// nothing, then white space. It returns the token's key and end; ok is
// false, and the token is for slow to read, in every other case.
func short(src []byte, i int) (key uint64, end int, ok bool) {
	if len(src)-i < 8 {
		return 0, 0, false
	}
	x := binary.LittleEndian.Uint64(src[i:])
	multi := x & highs // bytes of multi-byte runes
	y := x &^ highs
	// The high bit of each byte of y under '!': adding 0x80-c to a byte
	// under 0x80 carries into its high bit exactly when the byte is at
	// least c, and never into the next byte.
	low := ^(y + ones*(0x80-'!')) & highs &^ multi
	if low == 0 {
		return 0, 0, false // eight bytes or more
	}
	e := bits.TrailingZeros64(low) / 8 // 1 to 7: src[i] is not space
	if class[src[i+e]] != clSpace {
		return 0, 0, false // a control character
	}
	// Before e every byte is above ' ', so setting bit 5 lowercases the
	// letters and leaves digits and apostrophes as they are; no other
	// byte becomes one of those.
	z := y | ones*0x20
	ge := func(c byte) uint64 { return (z + ones*uint64(0x80-c)) & highs }
	alnum := ge('a')&^ge('z'+1) | ge('0')&^ge('9'+1) | ge('\'')&^ge('\''+1)
	alnum &^= multi // a byte of a multi-byte rune is not one
	// The letters are bytes 0 to a.
	a := bits.TrailingZeros64(^alnum&highs) / 8
	// Bytes a to e must be ASCII punctuation.
	tail := uint64(1)<<(8*e) - uint64(1)<<(8*a)
	if (alnum|multi)&tail != 0 {
		return 0, 0, false
	}
	if a == 0 {
		return 0, i + e, true // no letters: key 0
	}
	h := uint64(offset)
	for ; a > 0; a-- {
		h = (h ^ z&0xff) * prime
		z >>= 8
	}
	return h, i + e, true
}
