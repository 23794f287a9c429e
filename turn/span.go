// Package turn defines the spans, segments and turns of a conversation and
// decodes scored segments into alternating turns.
//
// Every offset in this package is a byte offset into the original input,
// half-open, and on a rune boundary: a [Span] with Start 3 and End 8 holds
// input[3:8].
package turn

// A Span is the half-open byte range [Start, End) of the original input.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset lies inside s.
func (s Span) Contains(offset int) bool { return s.Start <= offset && offset < s.End }

// Overlaps reports whether s and o share at least one byte. An empty span
// holds no byte, so it overlaps nothing, not even a span around it.
func (s Span) Overlaps(o Span) bool {
	return s.Start < s.End && o.Start < o.End && s.Start < o.End && o.Start < s.End
}
