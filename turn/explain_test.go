package turn_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// TestExplainBruteForce compares Explain with an enumeration of every path
// on small random inputs, for the decoder's own roles and for random ones:
// each turn's margin must be the best score of the paths that start the
// turn at its first segment less the best score of those that do not, and
// its switch the score of that change of speaker.
func TestExplainBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 400 {
		n := 1 + r.IntN(10)
		ss := randomSegments(r, n)
		d := turn.Decoder{SwitchCost: float64(r.IntN(3))}
		viterbi, prob := d.Roles(ss)
		random := make([]speaker.Role, n)
		for i := range random {
			random[i] = []speaker.Role{I, G}[r.IntN(2)]
		}
		for _, c := range []struct {
			roles []speaker.Role
			prob  []float64 // nil for random roles: Explain works them out
			own   bool
		}{{viterbi, prob, true}, {random, nil, false}} {
			roles, own := c.roles, c.own
			got := d.Explain(ss, roles, c.prob)
			turns := turn.Group(ss, roles, nil)
			if len(got) != len(turns) {
				t.Fatalf("trial %d: %d explanations for %d turns", trial, len(got), len(turns))
			}
			first := 0
			for k, e := range got {
				i := first // the turn's first segment
				with, without := math.Inf(-1), math.Inf(-1)
				path := make([]speaker.Role, n)
				for mask := range 1 << n {
					for j := range path {
						path[j] = I
						if mask>>j&1 == 1 {
							path[j] = G
						}
					}
					x := score(d, ss, path)
					starts := path[i] == roles[i] && (i == 0 || path[i-1] != roles[i])
					if starts {
						with = max(with, x)
					} else if i == 0 || path[i-1] == path[i] {
						without = max(without, x)
					}
				}
				if want := with - without; math.Abs(e.Margin-want) > 5e-4+1e-9 {
					t.Errorf("trial %d turn %d: margin %v, want %v", trial, k, e.Margin, want)
				}
				if own && e.Margin < 0 {
					t.Errorf("trial %d turn %d: margin %v < 0 on the decoder's own path", trial, k, e.Margin)
				}
				var wantSwitch float64
				if i > 0 {
					wantSwitch = score(d, ss[i-1:i+1], []speaker.Role{roles[i-1], roles[i]}) - score(d, ss[i-1:i+1], []speaker.Role{roles[i-1], roles[i-1]}) - roleSign(roles[i])*ss[i].Score
				}
				if math.Abs(e.Switch-wantSwitch) > 5e-4+1e-9 {
					t.Errorf("trial %d turn %d: switch %v, want %v", trial, k, e.Switch, wantSwitch)
				}
				var spans []turn.Span
				for _, s := range e.Sentences {
					spans = append(spans, s.Span)
					if s.Posterior < 0 || s.Posterior > 1 {
						t.Errorf("trial %d turn %d: posterior %v outside [0, 1]", trial, k, s.Posterior)
					}
				}
				var want []turn.Span
				for _, s := range turns[k].Sentences {
					want = append(want, s.Span)
				}
				if diff := cmp.Diff(want, spans); diff != "" {
					t.Errorf("trial %d turn %d: explained segments are not the turn's (-want +got):\n%s", trial, k, diff)
				}
				first += len(turns[k].Sentences)
			}
		}
	}
}

// roleSign is +1 for the interviewer and -1 for the guest: the sign of a
// segment's Score in the path score, times two.
func roleSign(r speaker.Role) float64 {
	if r == I {
		return 1
	}
	return -1
}

func TestExplain(t *testing.T) {
	tests := []struct {
		name   string
		in     []turn.Segment
		d      turn.Decoder
		roles  []speaker.Role // nil: the decoder's own
		want   []turn.Explanation
		reason string
	}{
		{
			name: "clear question and answer",
			in: []turn.Segment{
				{Span: turn.Span{Start: 0, End: 20}, Score: 4, Question: 0.9, Cues: []turn.Cue{turn.CueQuestion}},
				{Span: turn.Span{Start: 21, End: 40}, Score: -3, ToGuest: 1, ToInterviewer: -1, Cues: []turn.Cue{turn.CueAfterQuestion}},
				{Span: turn.Span{Start: 41, End: 60}, Score: -3, ToGuest: -1, ToInterviewer: -1},
			},
			// The best path I G G scores 2 + 1 + 1.5 + 1.5 = 6. Without a
			// change at segment 1: I I G scores 2 - 1.5 - 1 + 1.5 = 1,
			// I I I 2 - 1.5 - 1.5 = -1, G G G -2 + 1.5 + 1.5 = 1; the best
			// is 1. With the guest first, the best is G G G: 1.
			want: []turn.Explanation{
				{Margin: 5, Sentences: []turn.SentenceScore{
					{Span: turn.Span{Start: 0, End: 20}, Score: 4, Posterior: 0.993, Question: 0.9, Cues: []turn.Cue{turn.CueQuestion}},
				}},
				{Switch: 1, Margin: 5, Sentences: []turn.SentenceScore{
					{Span: turn.Span{Start: 21, End: 40}, Score: -3, Posterior: 0.993, Cues: []turn.Cue{turn.CueAfterQuestion}},
					{Span: turn.Span{Start: 41, End: 60}, Score: -3, Posterior: 0.981, Cues: []turn.Cue{}},
				}},
			},
			reason: "a question then two statements, the change of speaker favoured by its switch score: the boundary is worth 5",
		},
		{
			name: "switch cost",
			in: []turn.Segment{
				{Span: turn.Span{Start: 0, End: 10}, Score: 3},
				{Span: turn.Span{Start: 11, End: 20}, Score: -3},
			},
			d: turn.Decoder{SwitchCost: 1},
			// I G: 1.5 + 1.5 - 1 = 2; without the change, I I 0 and G G 0;
			// with the guest first, G G 0 and G I -1.5 - 1.5 - 1 = -4.
			want: []turn.Explanation{
				{Margin: 2, Sentences: []turn.SentenceScore{
					{Span: turn.Span{Start: 0, End: 10}, Score: 3, Posterior: 0.892, Cues: []turn.Cue{}},
				}},
				{Switch: -1, Margin: 2, Sentences: []turn.SentenceScore{
					{Span: turn.Span{Start: 11, End: 20}, Score: -3, Posterior: 0.892, Cues: []turn.Cue{}},
				}},
			},
			reason: "the cost of a change of speaker is paid at the boundary and comes off its margin",
		},
		{
			name: "roles from elsewhere",
			in: []turn.Segment{
				{Span: turn.Span{Start: 0, End: 10}, Score: 2},
				{Span: turn.Span{Start: 11, End: 20}, Score: 2},
			},
			roles: []speaker.Role{I, G},
			// I G: 1 - 1 = 0; I I: 2; with the guest first, G I 0 and G G -2.
			want: []turn.Explanation{
				{Margin: 2, Sentences: []turn.SentenceScore{
					{Span: turn.Span{Start: 0, End: 10}, Score: 2, Posterior: 0.881, Cues: []turn.Cue{}},
				}},
				{Margin: -2, Sentences: []turn.SentenceScore{
					{Span: turn.Span{Start: 11, End: 20}, Score: 2, Posterior: 0.119, Cues: []turn.Cue{}},
				}},
			},
			reason: "a turn the decoder would not have started (a voice in a subtitle file decided it) has a negative margin and a posterior below 0.5",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roles, prob := tt.d.Roles(tt.in)
			if tt.roles != nil {
				roles, prob = tt.roles, nil
			}
			got := tt.d.Explain(tt.in, roles, prob)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Explain() mismatch (-want +got):\n%s\n%s", diff, tt.reason)
			}
		})
	}
}

func TestExplainEmpty(t *testing.T) {
	var d turn.Decoder
	if got := d.Explain(nil, nil, nil); got != nil {
		t.Errorf("Explain(nil) = %v, want nil", got)
	}
}

func ExampleDecoder_Explain() {
	src := "How did the dive go? Cold, but we counted every urchin. Right."
	segs := []turn.Segment{
		{Span: turn.Span{Start: 0, End: 20}, Score: 4, Question: 1, Cues: []turn.Cue{turn.CueQuestion}},
		{Span: turn.Span{Start: 21, End: 55}, Score: -3, ToGuest: 0.5, Cues: []turn.Cue{turn.CueAfterQuestion}},
		{Span: turn.Span{Start: 56, End: 62}, Score: 1, ToInterviewer: -0.5, Cues: []turn.Cue{turn.CueBackchannel}},
	}
	var d turn.Decoder
	roles, prob := d.Roles(segs)
	turns := turn.Group(segs, roles, prob)
	for k, e := range d.Explain(segs, roles, prob) {
		fmt.Printf("turn %d %s: switch %+.1f, margin %.1f\n", k, turns[k].Role, e.Switch, e.Margin)
		for _, s := range e.Sentences {
			fmt.Printf("  %-36q score %+.1f  p %.3f  %v\n", src[s.Start:s.End], s.Score, s.Posterior, s.Cues)
		}
	}
	// Output:
	// turn 0 interviewer: switch +0.0, margin 4.5
	//   "How did the dive go?"               score +4.0  p 0.989  [question]
	// turn 1 guest: switch +0.5, margin 3.0
	//   "Cold, but we counted every urchin." score -3.0  p 0.959  [after-question]
	// turn 2 interviewer: switch -0.5, margin 0.5
	//   "Right."                             score +1.0  p 0.627  [backchannel]
}
