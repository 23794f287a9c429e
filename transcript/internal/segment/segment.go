// Package segment splits text into sentences, reporting byte spans of the
// original input.
package segment

import "github.com/textdiarize/diarize/turn"

// Split appends to dst the sentences of src, in order, and returns it. Each
// span is trimmed of surrounding white space; together the spans cover
// every non-space byte of src.
func Split(src []byte, dst []turn.Span) []turn.Span {
	start := -1
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			continue
		}
		if start < 0 {
			start = i
		}
		if c == '.' || c == '?' || c == '!' {
			j := i + 1
			for j < len(src) && (src[j] == '.' || src[j] == '?' || src[j] == '!' || src[j] == '"') {
				j++
			}
			if j == len(src) || src[j] == ' ' || src[j] == '\n' {
				dst = append(dst, turn.Span{Start: start, End: j})
				start = -1
				i = j - 1
			}
		}
	}
	if start >= 0 {
		end := len(src)
		for end > start && (src[end-1] == ' ' || src[end-1] == '\n' || src[end-1] == '\t' || src[end-1] == '\r') {
			end--
		}
		dst = append(dst, turn.Span{Start: start, End: end})
	}
	return dst
}
