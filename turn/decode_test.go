package turn_test

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

const (
	I = speaker.Interviewer
	G = speaker.Guest
)

// segs builds segments from scores: segment i has length lens[i] (10 when
// lens is short) and starts one byte after the previous one ends, as
// sentences separated by a space do. Switch scores are zero.
func segs(scores []float64, lens ...int) []turn.Segment {
	out := make([]turn.Segment, len(scores))
	pos := 0
	for i, s := range scores {
		n := 10
		if i < len(lens) {
			n = lens[i]
		}
		out[i] = turn.Segment{Span: turn.Span{Start: pos, End: pos + n}, Score: s}
		pos += n + 1
	}
	return out
}

// withSwitch sets the switch scores of every segment.
func withSwitch(ss []turn.Segment, toInterviewer, toGuest float64) []turn.Segment {
	for i := range ss {
		ss[i].ToInterviewer, ss[i].ToGuest = toInterviewer, toGuest
	}
	return ss
}

func TestDecoderRoles(t *testing.T) {
	tests := []struct {
		name   string
		dec    turn.Decoder
		in     []turn.Segment
		want   []speaker.Role
		reason string
	}{
		{
			name:   "empty",
			in:     nil,
			want:   nil,
			reason: "no segments, no roles",
		},
		{
			name:   "single interviewer",
			in:     segs([]float64{3}),
			want:   []speaker.Role{I},
			reason: "a positive score favours the interviewer",
		},
		{
			name:   "single guest",
			in:     segs([]float64{-3}),
			want:   []speaker.Role{G},
			reason: "a negative score favours the guest",
		},
		{
			name:   "single tie",
			in:     segs([]float64{0}),
			want:   []speaker.Role{I},
			reason: "a tie goes to the interviewer, who usually opens",
		},
		{
			name:   "strong scores alternate",
			in:     segs([]float64{6, -6, 6, -6}),
			want:   []speaker.Role{I, G, I, G},
			reason: "with free switches, each segment follows its own score",
		},
		{
			name:   "strong question then long answer",
			in:     segs([]float64{5, -2, -2, -2, 5, -2}),
			want:   []speaker.Role{I, G, G, G, I, G},
			reason: "consecutive guest segments form one answer",
		},
		{
			name:   "switch penalty keeps speaker",
			in:     withSwitch(segs([]float64{4, -1, -1}), -3, -3),
			want:   []speaker.Role{I, I, I},
			reason: "two weak guest segments (+1 together) do not pay a switch of -3",
		},
		{
			name:   "switch bonus changes speaker",
			in:     withSwitch(segs([]float64{4, -1, -1}), -3, 1),
			want:   []speaker.Role{I, G, G},
			reason: "a positive ToGuest invites the change the weak scores alone would not make",
		},
		{
			name:   "switch penalty outweighed",
			in:     withSwitch(segs([]float64{4, -4, -4}), -3, -3),
			want:   []speaker.Role{I, G, G},
			reason: "strong guest segments (+4) pay a switch of -3",
		},
		{
			name:   "weak alternation without cost",
			in:     segs([]float64{1, -1, 1, -1}),
			want:   []speaker.Role{I, G, I, G},
			reason: "the zero Decoder switches for free",
		},
		{
			name:   "SwitchCost merges weak alternation",
			dec:    turn.Decoder{SwitchCost: 2},
			in:     segs([]float64{1, -1, 1, -1}),
			want:   []speaker.Role{I, I, I, I},
			reason: "three switches at -2 each cost more than the +2 they gain",
		},
		{
			name:   "SwitchCost keeps strong alternation",
			dec:    turn.Decoder{SwitchCost: 2},
			in:     segs([]float64{6, -6, 6, -6}),
			want:   []speaker.Role{I, G, I, G},
			reason: "each switch gains 6 and costs 2",
		},
		{
			name:   "context decides a neutral segment",
			dec:    turn.Decoder{SwitchCost: 1},
			in:     segs([]float64{-5, 0, -5}),
			want:   []speaker.Role{G, G, G},
			reason: "a segment with no evidence stays with its neighbours",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, prob := tt.dec.Roles(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Roles() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if len(prob) != len(got) {
				t.Fatalf("Roles() returned %d probabilities for %d roles", len(prob), len(got))
			}
		})
	}
}

func TestDecoderDecode(t *testing.T) {
	cues := func(c ...turn.Cue) []turn.Cue { return c }
	in := segs([]float64{5, -3, -3, 5, -3}, 20, 30, 40, 15, 25)
	in[0].Question, in[0].Cues = 1, cues(turn.CueQuestion)
	in[1].Cues = cues(turn.CueAnswerOpener, turn.CueFirstPerson)
	in[2].Cues = cues(turn.CueLong) // not the first segment of its turn: ignored
	in[3].Question, in[3].Cues = 0.75, cues(turn.CueInterrogative)

	tests := []struct {
		name   string
		dec    turn.Decoder
		in     []turn.Segment
		want   []turn.Turn
		reason string
	}{
		{
			name:   "empty",
			in:     nil,
			want:   nil,
			reason: "no segments, no turns",
		},
		{
			name: "single segment",
			in:   segs([]float64{-2}, 7),
			want: []turn.Turn{
				{Index: 0, Role: G, Span: turn.Span{Start: 0, End: 7}, Cues: []turn.Cue{}, Sentences: []turn.Sentence{{Span: turn.Span{Start: 0, End: 7}}}},
			},
			reason: "one segment is one turn",
		},
		{
			name: "question answer question answer",
			in:   in,
			want: []turn.Turn{
				{
					Index: 0, Role: I, Span: turn.Span{Start: 0, End: 20},
					Cues:      cues(turn.CueQuestion),
					Sentences: []turn.Sentence{{Span: turn.Span{Start: 0, End: 20}, Question: 1}},
				},
				{
					Index: 1, Role: G, Span: turn.Span{Start: 21, End: 92},
					Cues: cues(turn.CueAnswerOpener, turn.CueFirstPerson),
					Sentences: []turn.Sentence{
						{Span: turn.Span{Start: 21, End: 51}},
						{Span: turn.Span{Start: 52, End: 92}},
					},
				},
				{
					Index: 2, Role: I, Span: turn.Span{Start: 93, End: 108},
					Cues:      cues(turn.CueInterrogative),
					Sentences: []turn.Sentence{{Span: turn.Span{Start: 93, End: 108}, Question: 0.75}},
				},
				{
					Index: 3, Role: G, Span: turn.Span{Start: 109, End: 134},
					Cues:      []turn.Cue{},
					Sentences: []turn.Sentence{{Span: turn.Span{Start: 109, End: 134}}},
				},
			},
			reason: "a turn spans its segments, takes the first segment's cues, and keeps each sentence's question score; Speaker and Text are left to the caller",
		},
		{
			name: "SwitchCost gives one turn",
			dec:  turn.Decoder{SwitchCost: 10},
			in:   segs([]float64{3, -1, -1}),
			want: []turn.Turn{
				{
					Index: 0, Role: I, Span: turn.Span{Start: 0, End: 32},
					Cues: []turn.Cue{},
					Sentences: []turn.Sentence{
						{Span: turn.Span{Start: 0, End: 10}},
						{Span: turn.Span{Start: 11, End: 21}},
						{Span: turn.Span{Start: 22, End: 32}},
					},
				},
			},
			reason: "a high switch cost merges everything into the party the evidence favours overall",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.dec.Decode(tt.in)
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(turn.Turn{}, "Confidence")); diff != "" {
				t.Errorf("Decode() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			checkTurns(t, tt.in, got)
		})
	}
}

// checkTurns checks the invariants of decoded turns: in order, disjoint,
// alternating, covering the segments exactly, with Confidence in [0.5, 1].
func checkTurns(t *testing.T, in []turn.Segment, got []turn.Turn) {
	t.Helper()
	n := 0
	for i, tr := range got {
		if tr.Index != i {
			t.Errorf("turn %d: Index = %d", i, tr.Index)
		}
		if i > 0 {
			if tr.Role == got[i-1].Role {
				t.Errorf("turns %d and %d are both %v", i-1, i, tr.Role)
			}
			if tr.Start < got[i-1].End {
				t.Errorf("turn %d starts at %d, before turn %d ends at %d", i, tr.Start, i-1, got[i-1].End)
			}
		}
		if tr.Confidence < 0.5 || tr.Confidence > 1 {
			t.Errorf("turn %d: Confidence = %v, want it in [0.5, 1]", i, tr.Confidence)
		}
		for _, s := range tr.Sentences {
			if n >= len(in) || s.Span != in[n].Span {
				t.Fatalf("turn %d: sentence %v does not match segment %d", i, s.Span, n)
			}
			n++
		}
		if len(tr.Sentences) > 0 && (tr.Start != tr.Sentences[0].Start || tr.End != tr.Sentences[len(tr.Sentences)-1].End) {
			t.Errorf("turn %d: span %v does not run from its first to its last sentence", i, tr.Span)
		}
	}
	if n != len(in) {
		t.Errorf("turns hold %d segments, want %d", n, len(in))
	}
}

func TestDecodeConfidence(t *testing.T) {
	tests := []struct {
		name   string
		dec    turn.Decoder
		in     []turn.Segment
		want   []float64
		reason string
	}{
		{
			name:   "one confident segment",
			in:     segs([]float64{4}),
			want:   []float64{round3(1 / (1 + math.Exp(-4)))},
			reason: "a lone segment's posterior is the logistic of its score",
		},
		{
			name:   "tie",
			in:     segs([]float64{0}),
			want:   []float64{0.5},
			reason: "no evidence either way",
		},
		{
			name:   "strong alternation",
			in:     segs([]float64{20, -20, 20}),
			want:   []float64{1, 1, 1},
			reason: "overwhelming evidence rounds to certainty",
		},
		{
			name:   "weak answer inside strong context",
			dec:    turn.Decoder{SwitchCost: 3},
			in:     segs([]float64{6, -6, -0.5, -6}, 10, 10, 40, 10),
			want:   nil, // checked against the weighted mean below
			reason: "a long, weak segment lowers its turn's confidence in proportion to its length",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			turns := tt.dec.Decode(tt.in)
			roles, prob := tt.dec.Roles(tt.in)
			var got []float64
			k := 0
			for _, tr := range turns {
				got = append(got, tr.Confidence)
				if tr.Confidence < 0.5 || tr.Confidence > 1 {
					t.Errorf("turn %d: Confidence = %v, want it in [0.5, 1]", tr.Index, tr.Confidence)
				}
				// Exactly the length-weighted mean of the segments'
				// posteriors, rounded to three decimals.
				var w, p float64
				for range tr.Sentences {
					if roles[k] != tr.Role {
						t.Errorf("segment %d has role %v inside a %v turn", k, roles[k], tr.Role)
					}
					l := float64(tt.in[k].Len())
					w += l
					p += l * prob[k]
					k++
				}
				if want := round3(p / w); tr.Confidence != want {
					t.Errorf("turn %d: Confidence = %v, want the weighted mean %v", tr.Index, tr.Confidence, want)
				}
			}
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("confidences mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
				}
			}
		})
	}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func TestGroup(t *testing.T) {
	in := segs([]float64{0, 0, 0, 0}, 10, 30, 20, 5)
	sent := func(i int) turn.Sentence { return turn.Sentence{Span: in[i].Span} }
	none := []turn.Cue{} // not nil: the JSON form is [], not null
	tests := []struct {
		name   string
		roles  []speaker.Role
		prob   []float64
		want   []turn.Turn
		reason string
	}{
		{
			name:  "weighted mean",
			roles: []speaker.Role{I, G, G, I},
			prob:  []float64{0.9, 0.6, 0.9, 0.75},
			want: []turn.Turn{
				{Index: 0, Role: I, Span: turn.Span{Start: 0, End: 10}, Confidence: 0.9, Cues: none, Sentences: []turn.Sentence{sent(0)}},
				{Index: 1, Role: G, Span: turn.Span{Start: 11, End: 62}, Confidence: 0.72, Cues: none, Sentences: []turn.Sentence{sent(1), sent(2)}},
				{Index: 2, Role: I, Span: turn.Span{Start: 63, End: 68}, Confidence: 0.75, Cues: none, Sentences: []turn.Sentence{sent(3)}},
			},
			reason: "each turn's confidence is its segments' probabilities weighted by length: (30×0.6 + 20×0.9) / 50 = 0.72",
		},
		{
			name:  "nil prob",
			roles: []speaker.Role{G, G, G, G},
			want: []turn.Turn{
				{Index: 0, Role: G, Span: turn.Span{Start: 0, End: 68}, Confidence: 1, Cues: none, Sentences: []turn.Sentence{sent(0), sent(1), sent(2), sent(3)}},
			},
			reason: "roles decided elsewhere are taken as certain",
		},
		{
			name:  "rounding",
			roles: []speaker.Role{I, I, I, I},
			prob:  []float64{2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3},
			want: []turn.Turn{
				{Index: 0, Role: I, Span: turn.Span{Start: 0, End: 68}, Confidence: 0.667, Cues: none, Sentences: []turn.Sentence{sent(0), sent(1), sent(2), sent(3)}},
			},
			reason: "confidence is rounded to three decimals so goldens stay stable",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := turn.Group(in, tt.roles, tt.prob)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Group() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
		})
	}
	if got := turn.Group(nil, nil, nil); got != nil {
		t.Errorf("Group(nil) = %v, want nil", got)
	}
}

// TestGroupRounding checks that sentence question scores are rounded to
// three decimals, like the turns' confidence, and that a turn's cues are
// never nil.
func TestGroupRounding(t *testing.T) {
	in := segs([]float64{0, 0}, 10, 10)
	in[0].Question = 0.8999999999999999
	in[1].Question = 2.0 / 3
	got := turn.Group(in, []speaker.Role{I, I}, nil)
	if len(got) != 1 {
		t.Fatalf("Group() = %d turns, want 1", len(got))
	}
	if q0, q1 := got[0].Sentences[0].Question, got[0].Sentences[1].Question; q0 != 0.9 || q1 != 0.667 {
		t.Errorf("questions = %v, %v; want 0.9, 0.667", q0, q1)
	}
	if got[0].Cues == nil {
		t.Errorf("Cues = nil, want an empty slice so that the JSON form is []")
	}
}

// score is the path score a Decoder maximizes, written out from its
// documentation: each segment adds Score/2 for the interviewer and
// -Score/2 for the guest, and each change of speaker adds the segment's
// switch score minus SwitchCost.
func score(d turn.Decoder, ss []turn.Segment, path []speaker.Role) float64 {
	var x float64
	for i, s := range ss {
		if path[i] == I {
			x += s.Score / 2
		} else {
			x -= s.Score / 2
		}
		if i > 0 && path[i] != path[i-1] {
			if path[i] == I {
				x += s.ToInterviewer - d.SwitchCost
			} else {
				x += s.ToGuest - d.SwitchCost
			}
		}
	}
	return x
}

// randomSegments returns n segments with random scores, for the tests
// that check the decoder against an enumeration of every path.
func randomSegments(r *rand.Rand, n int) []turn.Segment {
	ss := make([]turn.Segment, n)
	for i := range ss {
		ss[i] = turn.Segment{
			Span:          turn.Span{Start: i * 10, End: i*10 + 5 + r.IntN(5)},
			Score:         r.Float64()*12 - 6,
			ToInterviewer: r.Float64()*6 - 4,
			ToGuest:       r.Float64()*6 - 4,
		}
	}
	return ss
}

// TestRolesBruteForce compares Roles with an enumeration of every path on
// small random inputs: the roles must be a best path and each probability
// the exact posterior of that segment's role.
func TestRolesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		n := 1 + r.IntN(7)
		ss := randomSegments(r, n)
		d := turn.Decoder{SwitchCost: float64(r.IntN(3))}
		roles, prob := d.Roles(ss)

		best := math.Inf(-1)
		var z float64
		marg := make([]float64, n) // unnormalized P(segment i is the interviewer)
		path := make([]speaker.Role, n)
		for mask := range 1 << n {
			for i := range path {
				path[i] = I
				if mask>>i&1 == 1 {
					path[i] = G
				}
			}
			x := score(d, ss, path)
			best = max(best, x)
			z += math.Exp(x)
			for i := range path {
				if path[i] == I {
					marg[i] += math.Exp(x)
				}
			}
		}
		if got := score(d, ss, roles); got < best-1e-9 {
			t.Errorf("trial %d: Roles path scores %v, the best path %v", trial, got, best)
		}
		for i := range roles {
			want := marg[i] / z
			if roles[i] == G {
				want = 1 - want
			}
			if math.Abs(prob[i]-want) > 1e-9 {
				t.Errorf("trial %d: prob[%d] = %v, want posterior %v", trial, i, prob[i], want)
			}
		}
	}
}

// TestRolesProbabilityRange checks that prob is a probability, in [0, 1],
// and that it can fall below 0.5: the Viterbi path's role of a segment
// need not be that segment's more probable role.
func TestRolesProbabilityRange(t *testing.T) {
	in := withSwitch(segs([]float64{2, -1, 0}), 0, -1.5)
	var d turn.Decoder
	roles, prob := d.Roles(in)
	if diff := cmp.Diff([]speaker.Role{I, I, I}, roles); diff != "" {
		t.Fatalf("Roles() mismatch (-want +got):\n%s", diff)
	}
	below := false
	for i, p := range prob {
		if p < 0 || p > 1 || math.IsNaN(p) {
			t.Errorf("prob[%d] = %v, want a probability in [0, 1]", i, p)
		}
		below = below || p < 0.5
	}
	if !below {
		t.Errorf("prob = %v, want one below 0.5: on this input the path gives some segment its less probable role", prob)
	}
}

// TestPosteriorsAnyCPUs checks that a long conversation, whose posteriors
// are worked out on two goroutines, gets the same bits as on one.
func TestPosteriorsAnyCPUs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ss := make([]turn.Segment, 20001)
	for i := range ss {
		ss[i] = turn.Segment{
			Span:          turn.Span{Start: i * 10, End: i*10 + 9},
			Score:         r.NormFloat64()*3 - 1,
			ToInterviewer: r.NormFloat64() - 2,
			ToGuest:       r.NormFloat64() - 2,
		}
	}
	d := turn.Decoder{SwitchCost: 0.5}
	old := runtime.GOMAXPROCS(1)
	one := d.Posteriors(ss, nil)
	oneRoles, oneProb := d.Roles(ss)
	runtime.GOMAXPROCS(2)
	two := d.Posteriors(ss, nil)
	twoRoles, twoProb := d.Roles(ss)
	runtime.GOMAXPROCS(old)
	if diff := cmp.Diff(one, two); diff != "" {
		t.Errorf("Posteriors on two CPUs differ from one (-one +two):\n%s", diff)
	}
	if diff := cmp.Diff(oneProb, twoProb); diff != "" {
		t.Errorf("Roles' probabilities on two CPUs differ from one (-one +two):\n%s", diff)
	}
	if diff := cmp.Diff(oneRoles, twoRoles); diff != "" {
		t.Errorf("Roles on two CPUs differ from one (-one +two):\n%s", diff)
	}
	for i, p := range one {
		if !(p >= 0 && p <= 1) {
			t.Fatalf("posterior %d = %v, want a probability", i, p)
		}
	}
}
