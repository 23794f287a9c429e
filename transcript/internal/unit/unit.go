// Package unit cuts a transcript into the units that are scored and
// decoded: sentences where the text is punctuated, shorter runs of words
// where it is not, with noise trimmed away.
package unit

import (
	"github.com/textdiarize/diarize/transcript/internal/segment"
	"github.com/textdiarize/diarize/turn"
)

// Split returns the units of src, in order and disjoint, given the noise
// spans found in it (in order). Units are trimmed of white space and of
// noise at their ends; a unit that is all noise is dropped. Noise inside a
// unit stays inside its span.
func Split(src []byte, noise []turn.Span) []turn.Span {
	sents := segment.Split(src, make([]turn.Span, 0, len(src)/80+1))
	return trimNoise(src, sents, noise)
}

func trimNoise(src []byte, sents []turn.Span, ns []turn.Span) []turn.Span {
	if len(ns) == 0 {
		return sents
	}
	out := sents[:0]
	j := 0
	for _, s := range sents {
		for j < len(ns) && ns[j].End <= s.Start {
			j++
		}
		for k := j; k < len(ns) && ns[k].Start < s.End; k++ {
			if n := ns[k]; n.Start <= s.Start {
				s.Start = max(s.Start, n.End)
			}
		}
		for k := len(ns) - 1; k >= j; k-- {
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
