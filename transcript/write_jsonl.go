package transcript

import (
	"bufio"
	"io"
)

// WriteJSONL writes t as JSON Lines, one turn per line, for streaming into
// other tools:
//
//	{"index":0,"speaker":"S1","role":"interviewer","name":"Ana Lima","start":0,"end":9,"text":"Why kelp?"}
//
// The fields mean what they mean in [Transcript.WriteJSON]; "name" is left
// out when not known, and "start_time" and "end_time" (seconds) follow
// "end" when the input had times, and "teaser":true follows them for the
// turns of the cold open.
func (t *Transcript) WriteJSONL(w io.Writer) error {
	e := jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	for i := range t.Turns {
		tu := &t.Turns[i]
		if err := checkRole(tu.Role); err != nil {
			return err
		}
		e.raw(`{"index":`)
		e.int(tu.Index)
		e.raw(`,"speaker":`)
		e.string(tu.Speaker)
		e.raw(`,"role":`)
		e.role(tu.Role)
		for _, s := range t.Speakers {
			if s.ID == tu.Speaker && s.Name != "" {
				e.raw(`,"name":`)
				e.string(s.Name)
			}
		}
		e.raw(`,"start":`)
		e.int(tu.Start)
		e.raw(`,"end":`)
		e.int(tu.End)
		if t.Timed {
			e.raw(`,"start_time":`)
			e.float(tu.StartTime)
			e.raw(`,"end_time":`)
			e.float(tu.EndTime)
		}
		if tu.Teaser {
			e.raw(`,"teaser":true`)
		}
		e.raw(`,"text":`)
		e.string(tu.Text)
		e.raw("}\n")
	}
	return e.w.Flush()
}
