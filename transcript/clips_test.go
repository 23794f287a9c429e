package transcript

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

func TestAttributeClips(t *testing.T) {
	const I, G = speaker.Interviewer, speaker.Guest
	// Units of 100 bytes: 0 and 1 are the cold open [0, 200), the rest
	// the conversation.
	seg := func(i int) turn.Segment { return turn.Segment{Span: turn.Span{Start: 100 * i, End: 100*i + 99}} }
	var segs []turn.Segment
	for i := range 8 {
		segs = append(segs, seg(i))
	}
	teaser := turn.Span{Start: 0, End: 199}
	for _, tc := range []struct {
		name        string
		roles       []speaker.Role
		prob        []float64
		recs        []recurrence
		wantRoles   []speaker.Role
		wantProb    []float64
		wantChanged []int
	}{{
		name:  "clip takes the role of its recurrence",
		roles: []speaker.Role{I, I, I, G, G, G, I, G},
		prob:  []float64{0.6, 0.6, 0.9, 0.8, 0.7, 0.9, 0.9, 0.9},
		// Unit 0 recurs inside unit 4, unit 1 across units 6 (29 bytes,
		// the interviewer's) and 7 (69 bytes, the guest's).
		recs: []recurrence{
			{clip: turn.Span{Start: 2, End: 97}, later: turn.Span{Start: 402, End: 497}},
			{clip: turn.Span{Start: 100, End: 199}, later: turn.Span{Start: 670, End: 769}},
		},
		wantRoles:   []speaker.Role{G, G, I, G, G, G, I, G},
		wantProb:    []float64{0.7, (69*0.9 + 29*0.1) / 98, 0.9, 0.8, 0.7, 0.9, 0.9, 0.9},
		wantChanged: []int{0, 1},
	}, {
		name:  "a recurrence covering under half of a unit is passed over",
		roles: []speaker.Role{I, I, I, G, G, G, G, G},
		prob:  []float64{0.6, 0.6, 0.9, 0.8, 0.7, 0.9, 0.9, 0.9},
		recs: []recurrence{
			{clip: turn.Span{Start: 0, End: 40}, later: turn.Span{Start: 400, End: 440}},
		},
		wantRoles: []speaker.Role{I, I, I, G, G, G, G, G},
		wantProb:  []float64{0.6, 0.6, 0.9, 0.8, 0.7, 0.9, 0.9, 0.9},
	}, {
		name:  "a recurrence that agrees changes nothing",
		roles: []speaker.Role{G, I, I, G, G, G, G, G},
		prob:  []float64{0.6, 0.6, 0.9, 0.8, 0.7, 0.9, 0.9, 0.9},
		recs: []recurrence{
			{clip: turn.Span{Start: 0, End: 99}, later: turn.Span{Start: 500, End: 599}},
		},
		wantRoles: []speaker.Role{G, I, I, G, G, G, G, G},
		wantProb:  []float64{0.6, 0.6, 0.9, 0.8, 0.7, 0.9, 0.9, 0.9},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			roles := append([]speaker.Role(nil), tc.roles...)
			prob := append([]float64(nil), tc.prob...)
			changed := attributeClips(segs, roles, prob, teaser, tc.recs)
			if diff := cmp.Diff(tc.wantChanged, changed); diff != "" {
				t.Errorf("changed (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantRoles, roles); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
			for i := range prob {
				if d := prob[i] - tc.wantProb[i]; d > 1e-9 || d < -1e-9 {
					t.Errorf("prob[%d] = %v, want %v", i, prob[i], tc.wantProb[i])
				}
			}
		})
	}
	if got := attributeClips(segs, make([]speaker.Role, 8), make([]float64, 8), turn.Span{}, nil); got != nil {
		t.Errorf("no cold open: changed %v", got)
	}
}
