package score_test

import (
	"fmt"

	"github.com/textdiarize/diarize/transcript/score"
	"github.com/textdiarize/diarize/turn"
)

func ExampleScore() {
	g := &score.Gold{
		Text: "How did it start? It started as a side project. Really? Yes.",
		Turns: []score.Span{
			{Span: turn.Span{Start: 0, End: 17}, Label: score.Interviewer},
			{Span: turn.Span{Start: 18, End: 47}, Label: score.Guest},
			{Span: turn.Span{Start: 48, End: 55}, Label: score.Interviewer},
			{Span: turn.Span{Start: 56, End: 60}, Label: score.Guest},
		},
	}
	// The prediction gives "Really?" to the guest.
	p := score.Prediction{Turns: []score.Span{
		{Span: turn.Span{Start: 0, End: 17}, Label: score.Interviewer},
		{Span: turn.Span{Start: 18, End: 60}, Label: score.Guest},
	}}
	r := score.Score(g, p)
	fmt.Printf("acc=%.3f bF1@0=%.3f turns=%d/%d\n", r.Acc, r.B0.F1, r.PredTurns, r.GoldTurns)
	// Output:
	// acc=0.917 bF1@0=0.500 turns=2/4
}
