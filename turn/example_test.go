package turn_test

import (
	"fmt"

	"github.com/textdiarize/diarize/turn"
)

func ExampleDecode() {
	src := "How did the dive go? Cold, but we counted every urchin. Right. And the kelp?"
	// Scores are log-odds that the interviewer speaks: questions and
	// backchannels lean positive, statements negative.
	segs := []turn.Segment{
		{Span: turn.Span{Start: 0, End: 20}, Score: 4, Question: 1},
		{Span: turn.Span{Start: 21, End: 55}, Score: -3},
		{Span: turn.Span{Start: 56, End: 62}, Score: 2},
		{Span: turn.Span{Start: 63, End: 76}, Score: 4, Question: 1},
	}
	for _, t := range turn.Decode(segs) {
		fmt.Printf("%d %-11s [%d,%d) %.3f %q\n", t.Index, t.Role, t.Start, t.End, t.Confidence, src[t.Start:t.End])
	}
	// Output:
	// 0 interviewer [0,20) 0.982 "How did the dive go?"
	// 1 guest       [21,55) 0.953 "Cold, but we counted every urchin."
	// 2 interviewer [56,76) 0.950 "Right. And the kelp?"
}

func ExampleDecoder_Decode() {
	// Two weak statements after a question: on their own they read as the
	// guest's, but a switch cost asks for more evidence before a change of
	// speaker.
	segs := []turn.Segment{
		{Span: turn.Span{Start: 0, End: 10}, Score: 3},
		{Span: turn.Span{Start: 11, End: 20}, Score: -1},
		{Span: turn.Span{Start: 21, End: 30}, Score: -1},
	}
	for _, cost := range []float64{0, 2} {
		d := turn.Decoder{SwitchCost: cost}
		fmt.Printf("SwitchCost %v:", cost)
		for _, t := range d.Decode(segs) {
			fmt.Printf(" %s[%d,%d)", t.Role, t.Start, t.End)
		}
		fmt.Println()
	}
	// Output:
	// SwitchCost 0: interviewer[0,10) guest[11,30)
	// SwitchCost 2: interviewer[0,30)
}
