package turn_test

import (
	"testing"

	"github.com/textdiarize/diarize/turn"
)

func TestSpan(t *testing.T) {
	s := turn.Span{Start: 3, End: 8}
	tests := []struct {
		name   string
		got    any
		want   any
		reason string
	}{
		{"Len", s.Len(), 5, "half-open: input[3:8] holds five bytes"},
		{"Len empty", turn.Span{Start: 4, End: 4}.Len(), 0, "an empty span has no bytes"},
		{"Contains start", s.Contains(3), true, "Start is inside"},
		{"Contains last", s.Contains(7), true, "End-1 is inside"},
		{"Contains end", s.Contains(8), false, "End is outside"},
		{"Contains before", s.Contains(2), false, "before Start is outside"},
		{"Overlaps inside", s.Overlaps(turn.Span{Start: 5, End: 6}), true, "a span inside overlaps"},
		{"Overlaps shared byte", s.Overlaps(turn.Span{Start: 7, End: 12}), true, "byte 7 is in both"},
		{"Overlaps touching after", s.Overlaps(turn.Span{Start: 8, End: 12}), false, "adjacent half-open spans share no byte"},
		{"Overlaps touching before", s.Overlaps(turn.Span{Start: 0, End: 3}), false, "adjacent half-open spans share no byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v (%s)", tt.got, tt.want, tt.reason)
			}
		})
	}
}

// TestSpanOverlapsEmpty checks that an empty span, which holds no byte,
// overlaps nothing: not a span around it, not itself, not another empty
// span at the same offset.
func TestSpanOverlapsEmpty(t *testing.T) {
	s := turn.Span{Start: 3, End: 8}
	for _, tt := range []struct {
		a, b turn.Span
	}{
		{s, turn.Span{Start: 5, End: 5}},
		{turn.Span{Start: 5, End: 5}, s},
		{s, turn.Span{Start: 3, End: 3}},
		{turn.Span{Start: 5, End: 5}, turn.Span{Start: 5, End: 5}},
		{turn.Span{Start: 6, End: 4}, s}, // inverted, as empty
	} {
		if tt.a.Overlaps(tt.b) {
			t.Errorf("%v.Overlaps(%v) = true, want false: an empty span holds no byte", tt.a, tt.b)
		}
	}
}
