package transcript

import (
	"bufio"
	"io"
	"strings"
)

// WritePodcast writes t as a Podcasting 2.0 JSON transcript, the file a
// podcast feed links with <podcast:transcript type="application/json">:
//
//	{"version": "1.0.0", "segments": [{"speaker": "Ana Lima", "startTime": 0, "endTime": 3.2, "body": "Why kelp?"}, ...]}
//
// One segment per turn; "body" is the turn's text with its white space
// collapsed. The times are the input's when it had them, otherwise
// synthesised at [WordsPerMinute] (the format requires times).
func (t *Transcript) WritePodcast(w io.Writer) error {
	e := jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	e.raw("{\n  \"version\": \"1.0.0\",\n  \"segments\": [")
	times := t.turnTimes()
	n := 0
	for i := range t.Turns {
		tu := &t.Turns[i]
		body := strings.Join(strings.Fields(tu.Text), " ")
		if body == "" {
			continue
		}
		if n > 0 {
			e.raw(",")
		}
		n++
		e.raw("\n    {\n      \"speaker\": ")
		e.string(t.label(tu))
		e.raw(",\n      \"startTime\": ")
		e.float(times[i][0])
		e.raw(",\n      \"endTime\": ")
		e.float(times[i][1])
		e.raw(",\n      \"body\": ")
		e.string(body)
		e.raw("\n    }")
	}
	if n > 0 {
		e.raw("\n  ")
	}
	e.raw("]\n}\n")
	return e.w.Flush()
}
