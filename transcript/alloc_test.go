package transcript_test

import (
	"testing"

	"github.com/textdiarize/diarize/transcript"
)

// TestParseAllocsGrowWithTurns checks that a parse allocates in
// proportion to the turns it finds, not to the bytes or the sentences it
// reads: a few allocations a turn (its cues, its text when noise is cut
// out of it, its names) and a bounded number for the stages. An
// allocation a sentence or a word would exceed the bound many times over.
func TestParseAllocsGrowWithTurns(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a megabyte")
	}
	if raceEnabled {
		t.Skip("the race detector's own allocations would be counted")
	}
	for _, size := range []int{64 << 10, 1 << 20} {
		src := interview(t, size)
		tr, err := transcript.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		sentences := 0
		for _, tu := range tr.Turns {
			sentences += len(tu.Sentences)
		}
		allocs := testing.AllocsPerRun(3, func() {
			if _, err := transcript.Parse(src); err != nil {
				t.Fatal(err)
			}
		})
		limit := 2.5*float64(len(tr.Turns)) + 300
		t.Logf("%d bytes: %d turns, %d sentences, %.0f allocations (limit %.0f)", len(src), len(tr.Turns), sentences, allocs, limit)
		if allocs > limit {
			t.Errorf("%d bytes: %.0f allocations a parse for %d turns and %d sentences; want at most %.0f", len(src), allocs, len(tr.Turns), sentences, limit)
		}
	}
}
