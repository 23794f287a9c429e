package score_test

import (
	"strings"
	"testing"

	"github.com/textdiarize/diarize/transcript/score"
	"github.com/textdiarize/diarize/turn"
)

// BenchmarkScore scores a 1 MB text of 200,000 words in turns of 50 words
// against a prediction whose changes come two words late, with a noise
// span in every tenth turn.
func BenchmarkScore(b *testing.B) {
	const words, per = 200_000, 50
	text := strings.TrimSuffix(strings.Repeat("word ", words), " ")
	var g score.Gold
	var p score.Prediction
	g.Text = text
	labels := [2]score.Label{score.Interviewer, score.Guest}
	for i := 0; i < words/per; i++ {
		start, end := 5*i*per, 5*(i+1)*per-1
		g.Turns = append(g.Turns, score.Span{Span: turn.Span{Start: start, End: end}, Label: labels[i%2]})
		ps := max(0, start+10)
		pe := min(len(text), end+10)
		if i == words/per-1 {
			pe = len(text)
		}
		if i == 0 {
			ps = 0
		}
		p.Turns = append(p.Turns, score.Span{Span: turn.Span{Start: ps, End: pe}, Label: labels[i%2]})
		if i%10 == 0 {
			p.Noise = append(p.Noise, turn.Span{Start: start + 50, End: start + 74})
		}
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		score.Score(&g, p)
	}
}
