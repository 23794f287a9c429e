package transcript

import (
	"strings"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// WordsPerMinute is the speaking rate at which the renderers that need
// times ([Transcript.WriteWebVTT], [Transcript.WriteSRT],
// [Transcript.WritePodcast]) synthesise them for a transcript read from
// flat text, which has none: each turn lasts 60/WordsPerMinute seconds per
// word (at least one word), and turns follow each other without a pause.
const WordsPerMinute = 150

// label returns the name of the speaker of tu, or its role capitalised
// ("Interviewer", "Guest") when the name is not known.
func (t *Transcript) label(tu *turn.Turn) string {
	for _, s := range t.Speakers {
		if s.ID == tu.Speaker && s.Name != "" {
			return s.Name
		}
	}
	switch tu.Role {
	case speaker.Interviewer:
		return "Interviewer"
	case speaker.Guest:
		return "Guest"
	}
	return "Speaker"
}

// turnTimes returns the start and end of each turn in seconds: the times
// of the input when it had them, otherwise times synthesised at
// [WordsPerMinute].
func (t *Transcript) turnTimes() [][2]float64 {
	out := make([][2]float64, len(t.Turns))
	at := 0.0
	for i := range t.Turns {
		tu := &t.Turns[i]
		if t.Timed {
			out[i] = [2]float64{tu.StartTime, tu.EndTime}
			continue
		}
		d := float64(max(1, countWords(tu.Text))) * 60 / WordsPerMinute
		out[i] = [2]float64{roundMilli(at), roundMilli(at + d)}
		at += d
	}
	return out
}

// A chunk is a piece of a turn's text short enough for one subtitle cue,
// with its times.
type chunk struct {
	text        string
	start, stop float64
}

// chunks cuts text (its white space collapsed) into cues: a cue ends at the
// end of a sentence once it holds 40 bytes, or at a word once it holds 84.
// The times from start to stop are shared out by byte position.
func chunks(text string, start, stop float64) []chunk {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	total := len(strings.Join(words, " "))
	var out []chunk
	var b strings.Builder
	pos := 0 // bytes of the joined text before the current chunk
	flush := func() {
		if b.Len() == 0 {
			return
		}
		s := b.String()
		t0 := start
		if len(out) > 0 {
			t0 = out[len(out)-1].stop
		}
		pos += len(s) + 1
		t1 := stop
		if pos-1 < total {
			t1 = roundMilli(start + (stop-start)*float64(pos-1)/float64(total))
		}
		out = append(out, chunk{text: s, start: t0, stop: t1})
		b.Reset()
	}
	for _, w := range words {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		last := w[len(w)-1]
		if (b.Len() >= 40 && (last == '.' || last == '?' || last == '!')) || b.Len() >= 84 {
			flush()
		}
	}
	flush()
	return out
}

// wrap breaks s into lines of at most 42 bytes at spaces, where it can.
func wrap(s string) string {
	if len(s) <= 42 {
		return s
	}
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(w) > 42 {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
