package transcript

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteWebVTT writes t as WebVTT: each turn cut into cues of a sentence or
// two, each cue's text in a <v Name> voice span naming its speaker (the
// name when known, otherwise "Interviewer" or "Guest"). The times are the
// input's when it had them (see [Transcript.Timed]); otherwise they are
// synthesised at [WordsPerMinute] and a NOTE block at the top says so.
// Reading the output back with a [Parser] whose Format is [Auto] or
// [WebVTT] gives the same turns: the voices decide them.
func (t *Transcript) WriteWebVTT(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("WEBVTT\n\n")
	if !t.Timed {
		fmt.Fprintf(bw, "NOTE The input had no times: these are synthesised at %d words per minute.\n\n", WordsPerMinute)
	}
	times := t.turnTimes()
	for i := range t.Turns {
		tu := &t.Turns[i]
		voice := vttEscaper.Replace(t.label(tu))
		for _, c := range chunks(tu.Text, times[i][0], times[i][1]) {
			fmt.Fprintf(bw, "%s --> %s\n<v %s>%s</v>\n\n", clock(c.start, '.'), clock(c.stop, '.'), voice, vttEscaper.Replace(wrap(c.text)))
		}
	}
	return bw.Flush()
}

var vttEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// WriteSRT writes t as SubRip subtitles: numbered cues of a sentence or
// two, each starting with its speaker's label ("Ana Lima: ", or
// "Interviewer: " when the name is not known). The times are the input's
// when it had them, otherwise synthesised at [WordsPerMinute]; SRT has no
// place to say so. Reading the output back with a [Parser] whose Format is
// [Auto] or [SRT] gives the same turns: the labels decide them.
func (t *Transcript) WriteSRT(w io.Writer) error {
	bw := bufio.NewWriter(w)
	times := t.turnTimes()
	n := 0
	for i := range t.Turns {
		tu := &t.Turns[i]
		label := t.label(tu)
		for _, c := range chunks(tu.Text, times[i][0], times[i][1]) {
			n++
			if n > 1 {
				bw.WriteString("\n")
			}
			fmt.Fprintf(bw, "%d\n%s --> %s\n%s\n", n, clock(c.start, ','), clock(c.stop, ','), label+": "+wrap(c.text))
		}
	}
	return bw.Flush()
}
