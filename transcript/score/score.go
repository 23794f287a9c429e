// Package score measures a parse against a gold transcript with the
// metrics of the corpus README, computed exactly as the reference scorer
// (tools/score.py) computes them.
//
// Tokens are maximal runs of non-space bytes, where space is the ASCII set
// ' ', '\t', '\n', '\v', '\f', '\r'. A token takes the label of the span
// holding its first byte; a predicted noise span wins over a predicted
// turn. Over the speech tokens, those whose gold label is not [Noise]:
//
//   - word accuracy: the share of tokens whose predicted label equals the
//     gold label (1 − WDER for two known roles);
//   - boundary precision, recall and F1 at k tokens: the speaker changes
//     are the token positions whose label differs from the previous
//     token's; each gold change, in order, takes the nearest unmatched
//     predicted change at most k tokens away (the earlier one on a tie);
//   - the number of speech turns, predicted and gold.
//
// Over all tokens, noise recall and precision compare the gold noise
// tokens with those predicted as noise.
//
// Score runs in time linear in the text and the spans when the spans of
// each kind are disjoint, as a parser's are.
package score

import (
	"cmp"
	"slices"

	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/turn"
)

// A Prediction is a parser's answer for a gold text, independent of how it
// was produced. Offsets are byte offsets into the gold text.
type Prediction struct {
	// Turns label stretches of speech, normally [Interviewer] or [Guest].
	Turns []Span
	// Noise spans are nobody's speech. They win over Turns.
	Noise []turn.Span
}

// FromTranscript returns the prediction of a parsed transcript: its turns
// with their roles, and its noise spans.
func FromTranscript(tr *transcript.Transcript) Prediction {
	p := Prediction{Turns: make([]Span, len(tr.Turns))}
	for i, t := range tr.Turns {
		p.Turns[i] = Span{Span: t.Span, Label: normLabel(t.Role.String())}
	}
	for _, n := range tr.Noise {
		p.Noise = append(p.Noise, n.Span)
	}
	return p
}

// A Boundary scores the predicted speaker changes against the gold ones at
// one tolerance. When neither side has a change, all three are 1;
// otherwise a ratio with a zero denominator is 0.
type Boundary struct {
	P  float64 // precision: matched predicted changes / predicted changes
	R  float64 // recall: matched gold changes / gold changes
	F1 float64 // harmonic mean of P and R, 0 when both are 0
}

// A Result holds the metrics of one prediction against one gold file.
type Result struct {
	// Tokens counts the speech tokens: those whose gold label is not
	// noise.
	Tokens int
	// Correct counts the speech tokens whose predicted label equals the
	// gold label.
	Correct int
	// Acc is the word accuracy, Correct / max(1, Tokens).
	Acc float64
	// B0 and B3 score the speaker changes matched exactly (k = 0) and
	// within three tokens (k = 3): bF1@0 is B0.F1, bF1@3 is B3.F1.
	B0, B3 Boundary
	// GoldTurns and PredTurns count the speech turns, 0 when there are no
	// speech tokens. Predicted labels other than interviewer and guest
	// (noise, none) count as one third party, so a stretch of them is a
	// turn too.
	GoldTurns, PredTurns int
	// NoiseRecall is the share of gold noise tokens predicted as noise,
	// nil when there are none. NoisePrecision is the share of tokens
	// predicted as noise that are gold noise, nil when there are none.
	NoiseRecall, NoisePrecision *float64
	// IntP and IntR are the precision and recall of the interviewer
	// label over the speech tokens, 0 when undefined.
	IntP, IntR float64
	// GuestShare is the share of speech tokens that the guest speaks:
	// the accuracy of giving every word to the guest.
	GuestShare float64
}

// Score scores p against g.
func Score(g *Gold, p Prediction) Result {
	text := g.Text
	starts := tokenStarts(text)
	gl := labelsFor(starts, g.Turns, None)
	pl := labelsFor(starts, p.Turns, None)
	noise := make([]Span, len(p.Noise))
	for i, n := range p.Noise {
		noise[i] = Span{Span: n, Label: Noise}
	}
	for i, l := range labelsFor(starts, noise, "") {
		if l == Noise {
			pl[i] = Noise
		}
	}

	var (
		r                         Result
		gc, pc                    []int // speaker changes, as indices into the speech tokens
		prevG, prevP              Label
		intTP, intPred, intGold   int
		guests                    int
		goldNoise, predNoise, hit int
	)
	for i, gLabel := range gl {
		pLabel := pl[i]
		if pLabel == Noise {
			predNoise++
		}
		if gLabel == Noise {
			goldNoise++
			if pLabel == Noise {
				hit++
			}
			continue
		}
		n := r.Tokens
		r.Tokens++
		if gLabel == pLabel {
			r.Correct++
		}
		pClass := pLabel
		if pClass != Interviewer && pClass != Guest {
			pClass = "other"
		}
		if n > 0 {
			if gLabel != prevG {
				gc = append(gc, n)
			}
			if pClass != prevP {
				pc = append(pc, n)
			}
		}
		prevG, prevP = gLabel, pClass
		if gLabel == Interviewer {
			intGold++
			if pLabel == Interviewer {
				intTP++
			}
		}
		if pLabel == Interviewer {
			intPred++
		}
		if gLabel == Guest {
			guests++
		}
	}
	r.Acc = ratio(r.Correct, max(1, r.Tokens))
	r.B0 = matchChanges(gc, pc, 0)
	r.B3 = matchChanges(gc, pc, 3)
	if r.Tokens > 0 {
		r.GoldTurns = len(gc) + 1
		r.PredTurns = len(pc) + 1
	}
	if goldNoise > 0 {
		v := ratio(hit, goldNoise)
		r.NoiseRecall = &v
	}
	if predNoise > 0 {
		v := ratio(hit, predNoise)
		r.NoisePrecision = &v
	}
	if intPred > 0 {
		r.IntP = ratio(intTP, intPred)
	}
	if intGold > 0 {
		r.IntR = ratio(intTP, intGold)
	}
	r.GuestShare = ratio(guests, max(1, r.Tokens))
	return r
}

func ratio(a, b int) float64 { return float64(a) / float64(b) }

// isSpace reports the bytes that Python's bytes regex \s matches.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// tokenStarts returns the offset of the first byte of each token of text.
func tokenStarts(text string) []int {
	var starts []int
	in := false
	for i := 0; i < len(text); i++ {
		sp := isSpace(text[i])
		if !sp && !in {
			starts = append(starts, i)
		}
		in = !sp
	}
	return starts
}

// labelsFor returns the label of each token start: that of the first span,
// in order of (Start, End), that holds it, or def. It mirrors roles_for in
// score.py, overlapping spans included.
func labelsFor(starts []int, spans []Span, def Label) []Label {
	spans = slices.Clone(spans)
	slices.SortStableFunc(spans, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	out := make([]Label, len(starts))
	j := 0
	for i, p := range starts {
		l := def
		for j < len(spans) && spans[j].End <= p {
			j++
		}
		for k := j; k < len(spans) && spans[k].Start <= p; k++ {
			if spans[k].Start <= p && p < spans[k].End {
				l = spans[k].Label
				break
			}
		}
		out[i] = l
	}
	return out
}

// matchChanges matches the predicted changes pred to the gold changes gold,
// both ascending token indices, within k tokens. Each gold change in turn
// takes the nearest unused predicted change, the earliest on a tie; this
// is match_f1 in score.py.
func matchChanges(gold, pred []int, k int) Boundary {
	if len(gold) == 0 && len(pred) == 0 {
		return Boundary{P: 1, R: 1, F1: 1}
	}
	used := make([]bool, len(pred))
	tp, lo := 0, 0
	for _, g := range gold {
		for lo < len(pred) && pred[lo] < g-k {
			lo++
		}
		best := -1
		for i := lo; i < len(pred) && pred[i] <= g+k; i++ {
			if used[i] {
				continue
			}
			if best < 0 || abs(pred[i]-g) < abs(pred[best]-g) {
				best = i
			}
		}
		if best >= 0 {
			used[best] = true
			tp++
		}
	}
	var b Boundary
	if len(pred) > 0 {
		b.P = ratio(tp, len(pred))
	}
	if len(gold) > 0 {
		b.R = ratio(tp, len(gold))
	}
	if b.P+b.R != 0 {
		b.F1 = 2 * b.P * b.R / (b.P + b.R)
	}
	return b
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
