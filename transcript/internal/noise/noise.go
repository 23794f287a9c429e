// Package noise finds speech-recognition artifacts in a transcript: a word
// or short phrase repeated in a loop, many times in a row, that nobody
// said.
package noise

import (
	"unicode"
	"unicode/utf8"

	"github.com/textdiarize/diarize/turn"
)

// Thresholds: a loop is one word repeated at least MinWordRepeats times, or
// a phrase of up to MaxPhrase words repeated at least MinPhraseRepeats
// times. People do repeat themselves ("no, no, no", "very, very"), but not
// this often.
const (
	MinWordRepeats   = 6
	MinPhraseRepeats = 4
	MaxPhrase        = 4
)

type token struct {
	start, end int
	key        uint64 // hash of the word's letters and digits, lowercased; 0 if none
}

// Find returns the loops in src as spans from the first byte of the first
// repeated word to the last byte of the last, in order and disjoint. Once a
// word has looped, shorter runs of it (two or more in a row) elsewhere in
// the input are artifacts of the same kind and are returned too.
func Find(src []byte) []turn.Span {
	toks := tokens(src, nil)
	var out []turn.Span
	var loops []uint64 // keys of the words that loop
	i := 0
	for i < len(toks) {
		bestEnd, bestL := i, 0
		for L := 1; L <= MaxPhrase && i+L < len(toks); L++ {
			if toks[i].key == 0 {
				break
			}
			j := i + L
			for j < len(toks) && toks[j].key == toks[j-L].key {
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
		out = append(out, turn.Span{Start: toks[i].start, End: toks[bestEnd-1].end})
		for k := i; k < i+bestL; k++ {
			loops = appendUnique(loops, toks[k].key)
		}
		i = bestEnd
	}
	if len(loops) == 0 {
		return out
	}
	// Second pass: shorter runs of a word that loops elsewhere.
	var all []turn.Span
	k := 0
	for i := 0; i < len(toks); {
		for k < len(out) && out[k].End <= toks[i].start {
			k++
		}
		if k < len(out) && out[k].Start <= toks[i].start {
			all = append(all, out[k])
			for i < len(toks) && toks[i].start < out[k].End {
				i++
			}
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].key == toks[i].key && (k >= len(out) || toks[j].start < out[k].Start) {
			j++
		}
		if j-i >= 2 && contains(loops, toks[i].key) {
			all = append(all, turn.Span{Start: toks[i].start, End: toks[j-1].end})
			i = j
			continue
		}
		i++
	}
	return all
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

// tokens splits src at white space and keys each token by its letters and
// digits, lowercased.
func tokens(src []byte, dst []token) []token {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	for i := 0; i < len(src); {
		for i < len(src) && isSpace(src[i]) {
			i++
		}
		if i == len(src) {
			break
		}
		t := token{start: i}
		h := uint64(offset)
		alnum := false
		for i < len(src) && !isSpace(src[i]) {
			c := src[i]
			if c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c == '\'' {
					h = (h ^ uint64(c)) * prime
					alnum = true
				}
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
		dst = append(dst, t)
	}
	return dst
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
