package transcript

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/turn"
)

// TestSpeakerMarks checks that ">>" marks decide where the speaker
// changes, even between statements the model could not tell apart, and
// name the cue speaker-mark; that ">>>" is not a mark; and that one mark
// alone is not taken for a captioner's convention.
func TestSpeakerMarks(t *testing.T) {
	parts := []string{
		"I build boats by hand, mostly small ones for the harbour.",
		">> That takes a long time, I imagine, with the winters here.",
		">> It does. A dinghy takes me three months. Longer when it is cold.",
		">> My grandfather built boats too, on the same beach.",
		">> Then you know the work. It is slow and it is good.",
	}
	src := strings.Join(parts, " ")
	tr, err := ParseString(src)
	if err != nil {
		t.Fatal(err)
	}
	var starts, want []int
	for _, tu := range tr.Turns {
		starts = append(starts, tu.Start)
	}
	for k := 0; k < len(parts); k++ {
		want = append(want, strings.Index(src, parts[k]))
	}
	if diff := cmp.Diff(want, starts); diff != "" {
		t.Fatalf("turn starts (-marks +got):\n%s", diff)
	}
	for i, tu := range tr.Turns[1:] {
		if !slices.Contains(tu.Cues, turn.CueSpeakerMark) {
			t.Errorf("turn %d cues %v, want %q", i+1, tu.Cues, turn.CueSpeakerMark)
		}
	}

	for _, tt := range []struct{ name, src string }{
		{"story marks", strings.ReplaceAll(src, ">>", ">>>")},
		{"one mark", strings.Join([]string{parts[0], parts[1], strings.TrimPrefix(parts[2], ">> ")}, " ")},
	} {
		tr, err := ParseString(tt.src)
		if err != nil {
			t.Fatal(err)
		}
		for _, tu := range tr.Turns {
			if slices.Contains(tu.Cues, turn.CueSpeakerMark) {
				t.Errorf("%s: turn at %d has the cue %q", tt.name, tu.Start, turn.CueSpeakerMark)
			}
		}
	}
}
