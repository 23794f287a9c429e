// Package model scores sentences for who is likely to speak them.
package model

import "github.com/textdiarize/diarize/turn"

// Score scores each sentence span of src.
func Score(src []byte, sents []turn.Span) []turn.Segment {
	segs := make([]turn.Segment, len(sents))
	for i, s := range sents {
		seg := turn.Segment{Span: s, Score: -1, ToInterviewer: -3, ToGuest: -3}
		if src[s.End-1] == '?' {
			seg.Score = 4
			seg.Question = 1
			seg.Cues = []turn.Cue{turn.CueQuestion}
		}
		segs[i] = seg
	}
	return segs
}
