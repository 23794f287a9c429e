// Package unit cuts a transcript into the units that are scored and
// decoded: sentences where the text is punctuated, shorter runs of words
// where it is not, with noise trimmed away.
package unit

import (
	"github.com/textdiarize/diarize/transcript/internal/model"
	"github.com/textdiarize/diarize/transcript/internal/segment"
	"github.com/textdiarize/diarize/turn"
)

// Split returns the units of src, in order and disjoint, given the noise
// spans found in it (in order). Units are trimmed of white space and of
// noise at their ends; a unit that is all noise is dropped. Noise inside a
// unit stays inside its span.
func Split(src []byte, noise []turn.Span) []turn.Span {
	return Trim(src, Sentences(src), noise)
}

// Sentences returns the units of src before noise is trimmed from them:
// the first half of [Split], which needs no noise spans and so can run
// while they are found.
func Sentences(src []byte) []turn.Span {
	sents := segment.Split(src, make([]turn.Span, 0, len(src)/80+1))
	sents = cutLong(src, sents)
	return widen(src, sents)
}

// widen gives the bytes between units that are not ASCII white space —
// a no-break space, a zero-width space, a byte order mark — to the unit
// before them (or, at the start of the input, the unit after), so that
// every byte a reader could count as text belongs to some unit.
func widen(src []byte, sents []turn.Span) []turn.Span {
	if len(sents) == 0 {
		return sents
	}
	prev := 0
	for i := 0; i <= len(sents); i++ {
		next := len(src)
		if i < len(sents) {
			next = sents[i].Start
		}
		first, last := -1, -1
		for k := prev; k < next; k++ {
			if !isSpace(src[k]) {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		if first >= 0 {
			if i > 0 {
				// Extend to the end of the rune holding last.
				end := last + 1
				for end < next && src[end]&0xC0 == 0x80 {
					end++
				}
				sents[i-1].End = end
			} else {
				sents[0].Start = first
			}
		}
		if i < len(sents) {
			prev = sents[i].End
		}
	}
	return sents
}

// cutLong cuts the long spans that have no sentence punctuation — text
// from automatic captions — into sentence-like units with the boundary
// model. A long span that is punctuated but was written without capitals
// (a recognizer that lowercases everything: "that's right. so what did
// you do?") is one the splitter could not cut, as it waits for a
// capitalised word after a full stop: it is split again with
// [segment.SplitCaseless], and what is still long and unpunctuated in it
// is cut by the model.
func cutLong(src []byte, sents []turn.Span) []turn.Span {
	var out []turn.Span
	var cuts []int
	var pieces []turn.Span
	for i, s := range sents {
		if s.Len() < model.LongSpanWords*2 || maxWords(src, s, model.LongSpanWords) < model.LongSpanWords {
			// Too few words to be cut: skip the costly exact count.
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		punct := innerStop(src, s)
		if punct && !caseless(src, s) || !model.AtLeastWords(src, s, model.LongSpanWords) {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]turn.Span, 0, len(sents)+s.Len()/40), sents[:i]...)
		}
		if !punct {
			out, cuts = cutSpan(src, s, out, cuts)
			continue
		}
		pieces = segment.SplitCaseless(src[s.Start:s.End], pieces[:0])
		for _, p := range pieces {
			p = turn.Span{Start: s.Start + p.Start, End: s.Start + p.End}
			if p.Len() >= model.LongSpanWords*2 && !innerStop(src, p) && model.AtLeastWords(src, p, model.LongSpanWords) {
				out, cuts = cutSpan(src, p, out, cuts)
				continue
			}
			out = append(out, p)
		}
	}
	if out == nil {
		return sents
	}
	return out
}

// cutSpan appends to out the units the boundary model cuts the
// unpunctuated span s of src into, using cuts as a buffer, and returns
// both.
func cutSpan(src []byte, s turn.Span, out []turn.Span, cuts []int) ([]turn.Span, []int) {
	if room := s.Len() / 40; cap(cuts) < room { // a unit per 40 bytes, more than are usually cut
		cuts = make([]int, 0, room)
	}
	cuts = model.Cuts(src, s, cuts[:0])
	start := s.Start
	for _, c := range cuts {
		if u := trimSpace(src, turn.Span{Start: start, End: c}); u.Len() > 0 {
			out = append(out, u)
		}
		start = c
	}
	return append(out, trimSpace(src, turn.Span{Start: start, End: s.End})), cuts
}

// caseless reports whether the punctuated span s of src reads as text
// written without capitals: it has at least two full stops, question
// marks or exclamation marks inside it followed by white space and a
// lower-case ASCII letter, and no more capital ASCII letters than twice
// their number. A cased sentence long enough to get here has a
// capital or two and rarely a stop before a lower-case word; text a
// recognizer lowercased has no capitals and a stop before every
// sentence.
func caseless(src []byte, s turn.Span) bool {
	stops, caps := 0, 0
	b := src[s.Start:s.End]
	for k, c := range b {
		switch {
		case 'A' <= c && c <= 'Z':
			caps++
		case (c == '.' || c == '?' || c == '!') && k+2 < len(b) && b[k+1] == ' ' && 'a' <= b[k+2] && b[k+2] <= 'z':
			stops++
		}
	}
	return stops >= 2 && caps <= 2*stops
}

// maxWords returns an upper bound on the number of words that
// [model.WordCount] finds in span s of src, or limit if the bound reaches
// it. A word of the model starts with an ASCII letter or digit or with a
// non-ASCII rune, and never right after an ASCII letter or digit (a word
// runs on over those), so counting such starts bounds the words from above.
func maxWords(src []byte, s turn.Span, limit int) int {
	n := 0
	prevWord := false
	for _, c := range src[s.Start:s.End] {
		w := isWordByte(c)
		if !prevWord && (w || c >= 0xC0) {
			n++
			if n >= limit {
				return limit
			}
		}
		prevWord = w
	}
	return n
}

// innerStop reports whether span s of src has a full stop, question mark
// or exclamation mark before its last byte: sentence punctuation, so that
// the span is not cut by the boundary model.
func innerStop(src []byte, s turn.Span) bool {
	for _, c := range src[s.Start : s.End-1] {
		if c == '.' || c == '?' || c == '!' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// Trim trims the noise spans ns (in order) from the units sents that
// [Sentences] returned, as [Split] does, reusing their memory: a unit that
// is all noise is dropped.
func Trim(src []byte, sents []turn.Span, ns []turn.Span) []turn.Span {
	if len(ns) == 0 {
		return sents
	}
	out := sents[:0]
	j := 0
	for _, s := range sents {
		// ns[j:m] are the noise spans that overlap s: both cursors only
		// move forward, so the whole walk is linear.
		for j < len(ns) && ns[j].End <= s.Start {
			j++
		}
		m := j
		for m < len(ns) && ns[m].Start < s.End {
			m++
		}
		for k := j; k < m; k++ {
			if n := ns[k]; n.Start <= s.Start {
				s.Start = max(s.Start, n.End)
			}
		}
		// From the last overlapping span back, so that a run of noise
		// at the end is trimmed whole; the spans from m on start at or
		// after s.End and can never trim it.
		for k := m - 1; k >= j; k-- {
			if n := ns[k]; n.Start < s.End && n.End >= s.End {
				s.End = min(s.End, n.Start)
			}
		}
		s = trimSpace(src, s)
		if s.Len() > 0 {
			out = append(out, s)
		}
	}
	return out
}

func trimSpace(src []byte, s turn.Span) turn.Span {
	for s.Start < s.End && isSpace(src[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpace(src[s.End-1]) {
		s.End--
	}
	return s
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
