package model

import (
	"unicode"
	"unicode/utf8"

	"github.com/textdiarize/diarize/turn"
)

// Bits is the size of the hashed feature space: weights live in a table of
// 1<<Bits entries.
const Bits = 20

const mask = 1<<Bits - 1

// A word is one word of a sentence: its hash (lowercased letters, digits
// and inner apostrophes and hyphens) and its byte span.
type word struct {
	h          uint64
	start, end int32
}

// roomFor is how many words n bytes of text hold at most, as a rule, so
// that buffers for them need not grow: most words take five bytes or
// more with their space.
func roomFor(n int) int { return n/5 + 1 }

// wordRoom returns a word buffer with room for the words of n bytes.
func wordRoom(n int) []word { return make([]word, 0, roomFor(n)) }

// A sentence is what the features need to know of one unit: its facts
// and its words. A [Sequence] keeps the facts, eight bytes a unit, and the
// words' hashes in buffers of their own; [Sequence.unit] puts the two
// together for the unit being worked on.
type sentence struct {
	facts
	words []uint32 // the words' hashes
}

// The facts of a unit, apart from its words.
type facts struct {
	last  byte // terminal punctuation: '?', '!', '.', predictedQ, or 0
	qmark bool // a question mark anywhere
	quote bool // a double quotation mark anywhere: reported speech
	lower bool // first word starts with a lower-case ASCII letter
	punct bool // has any of . , ? ! inside
	// Of an unpunctuated unit, the question-end model's score of its end
	// in steps of one from 1 (below -4) to 10 (5 and above); 0 for others.
	qend uint8
	// The number of words among "I", "me", "my"; "you", "your"; and
	// "we", "our"; each at most 3, in two bits each from the lowest
	// (see nI, nYou and nWe); and the person the unit speaks in more
	// (see person).
	pron uint8
	you  bool // a word of the second person ("you", "your", "you're", ...)
}

func (st *facts) nI() uint64   { return uint64(st.pron & 3) }
func (st *facts) nYou() uint64 { return uint64(st.pron >> 2 & 3) }
func (st *facts) nWe() uint64  { return uint64(st.pron >> 4 & 3) }

// countPronouns sets the pronoun counts of st from ws, its words, and in
// the top two bits of st.pron the person the unit speaks in more, as its
// cue names it: the cue's sets are wider than the counts' ("you're",
// "us", "we've") and hold them.
func (st *facts) countPronouns(ws []word) {
	var ci, cy, cw, you, me int
	for _, w := range ws {
		if w.end-w.start > 8 {
			continue // none of them is longer ("yourself", "you’re")
		}
		switch {
		case youWords.has(w.h):
			you++
			if youOwnWords.has(w.h) {
				cy++
			}
		case meWords.has(w.h):
			me++
			if iWords.has(w.h) {
				ci++
			} else if weWords.has(w.h) {
				cw++
			}
		}
	}
	person := 0
	if you > me && you > 0 {
		person = personSecond
	} else if me > you {
		person = personFirst
	}
	st.pron = uint8(min(ci, 3) | min(cy, 3)<<2 | min(cw, 3)<<4 | person<<6)
	st.you = you > 0
}

// The person a unit speaks in more, in st.pron's top bits.
const (
	personSecond = 1
	personFirst  = 2
)

func (st *facts) person() int { return int(st.pron >> 6) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWord hashes s lowercased, skipping everything but letters, digits,
// and apostrophes or hyphens between letters.
func isWordByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// Byte classes for scan: byteClass[c] is the lowercased byte for an ASCII
// letter or digit, and one of the small values below for the other bytes.
const (
	clOther  = iota // space, punctuation, control
	clJoin          // ' or -: inside a word when a word byte follows
	clStop          // . , !: punctuation the sentence facts note
	clQmark         // ?
	clRune          // the first byte of a multi-byte rune
	clQuote         // ": reported speech
	clLetter = '0'  // byteClass values from here on are word bytes
)

var byteClass = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '\'' || c == '-':
			t[c] = clJoin
		case c == '.' || c == ',' || c == '!':
			t[c] = clStop
		case c == '?':
			t[c] = clQmark
		case c == '"':
			t[c] = clQuote
		case c >= utf8.RuneSelf:
			t[c] = clRune
		}
	}
	return t
}()

// scan appends the words of span s of src to buf, and reports the
// unit's facts but for the pronoun counts (see countPronouns).
func scan(src []byte, s turn.Span, buf []word) (facts, []word) {
	var st facts
	from := len(buf)
	text := src[:s.End]
	i := s.Start
	for i < len(text) {
		c := text[i]
		switch byteClass[c] {
		case clOther, clJoin:
			i++
			continue
		case clStop:
			st.punct = true
			i++
			continue
		case clQmark:
			st.qmark = true
			st.punct = true
			i++
			continue
		case clQuote:
			st.quote = true
			i++
			continue
		case clRune:
			r, n := utf8.DecodeRune(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				switch r {
				case '？':
					st.qmark = true
				case '“', '”':
					st.quote = true
				}
				i += n
				continue
			}
		}
		// A word starts here.
		w := word{start: int32(i)}
		h := uint64(fnvOffset)
		if len(buf) == from && 'a' <= c && c <= 'z' {
			st.lower = true
		}
		for i < len(text) {
			l := byteClass[text[i]]
			if l >= clLetter {
				h = (h ^ uint64(l)) * fnvPrime
				i++
				continue
			}
			if l == clJoin {
				if i+1 < len(text) && byteClass[text[i+1]] >= clLetter {
					h = (h ^ uint64(text[i])) * fnvPrime
					i++
					continue
				}
				break
			}
			if l != clRune {
				break
			}
			r, n := utf8.DecodeRune(text[i:])
			if r == '’' && i+n < len(text) && byteClass[text[i+n]] >= clLetter {
				h = (h ^ uint64('\'')) * fnvPrime
				i += n
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			r = unicode.ToLower(r)
			h = (h ^ uint64(r)) * fnvPrime
			i += n
		}
		w.h = fold32(h)
		w.end = int32(i)
		buf = append(buf, w)
	}
	// Terminal punctuation: the last non-closing byte. A question mark
	// inside closing quotes ends a reported question.
	closed := false
	for j := s.End - 1; j >= s.Start; j-- {
		c := src[j]
		if c == '"' {
			closed = true
			continue
		}
		if c == '\'' || c == ')' || c == ']' || c == ' ' {
			continue
		}
		switch c {
		case '?', '!', '.':
			st.last = c
		default:
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeLastRune(src[s.Start : j+1])
				switch r {
				case '？':
					st.last = '?'
				case '…':
					st.last = '.'
				case '”':
					closed = true
					j -= size - 1 // to the rune's first byte
					continue
				case '’':
					j -= size - 1
					continue
				}
			}
		}
		break
	}
	if st.last == '?' && closed {
		st.last = quotedQ
	}
	return st, buf
}

// hashString hashes s as scan hashes a word.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return fold32(h)
}

// mix64 combines a feature template and values into one 64-bit hash.
func mix64(tmpl uint64, vals ...uint64) uint64 {
	h := start(tmpl)
	for _, v := range vals {
		h = step(h, v)
	}
	return h
}

// start begins the hash of a template.
func start(tmpl uint64) uint64 { return (tmpl + 1) * 0x9E3779B97F4A7C15 }

// step mixes one value into a hash.
func step(h, v uint64) uint64 {
	h ^= v + 0x9E3779B97F4A7C15 + (h << 6) + (h >> 2)
	return h * 0xBF58476D1CE4E5B9
}

// fold reduces a 64-bit hash to an index into the weight table.
func fold(h uint64) uint32 {
	h ^= h >> 31
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	return uint32(h & mask)
}

// mix hashes a feature template and values into an index into the weight
// table.
func mix(tmpl uint64, vals ...uint64) uint32 { return fold(mix64(tmpl, vals...)) }

// fold32 folds a word's 64-bit FNV-1a hash to the 32 bits a unit keeps of
// each of its words: 4 bytes a word, which a parse holds for every word
// of the conversation while it scores.
func fold32(h uint64) uint64 { return uint64(uint32(h ^ h>>32)) }
