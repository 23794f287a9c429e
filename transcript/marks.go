package transcript

import "github.com/textdiarize/diarize/turn"

// Speaker marks: captions written for broadcast (and some YouTube
// captions) mark each change of speaker with ">>" before the new
// speaker's words; the sentence splitter already starts a sentence there.
// When a transcript has such marks, they are strong evidence: a change of
// speaker at a marked sentence earns markBonus on top of what the model
// scores, and one anywhere else pays markPenalty, as a captioner who marks
// changes misses few. ">>>" (a change of story in news captions) is not a
// speaker mark.
//
// The corpus has no marked transcripts; the weights were chosen on the
// dev corpus's punctuated files with marks inserted at the gold changes
// of speaker: with every change marked, acc / bF1@3 0.922 / 0.756 ->
// 0.975 / 0.947; with 70% of them marked, 0.954 / 0.892; with 70% marked
// and as many false marks as a fifth of the changes, 0.935 / 0.862 (a
// bonus of 4 and a penalty of 2 gave 0.987, 0.955 and 0.922: stronger
// weights trust the marks more than a careless captioner deserves).
const (
	markBonus   = 3
	markPenalty = 1
	minMarks    = 2 // marks a transcript needs for them to count
)

// speakerMarks applies the speaker marks of src to the switch scores of
// segs, the scored units, and returns the indexes of the marked units
// after the first; it does nothing and returns nil when src has fewer
// than minMarks of them.
func speakerMarks(src []byte, segs []turn.Segment) []int {
	var marked []int
	for i, s := range segs {
		if i > 0 && isMark(src[s.Start:s.End]) {
			marked = append(marked, i)
		}
	}
	if len(marked) < minMarks {
		return nil
	}
	k := 0
	for i := 1; i < len(segs); i++ {
		s := &segs[i]
		if k < len(marked) && marked[k] == i {
			s.ToInterviewer += markBonus
			s.ToGuest += markBonus
			k++
			continue
		}
		s.ToInterviewer -= markPenalty
		s.ToGuest -= markPenalty
	}
	return marked
}

// isMark reports whether a unit's text opens with a speaker mark: ">>"
// not followed by a third '>'.
func isMark(b []byte) bool {
	return len(b) >= 2 && b[0] == '>' && b[1] == '>' && (len(b) == 2 || b[2] != '>')
}
