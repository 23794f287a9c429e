package transcript

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"slices"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// WriteHTML writes t as one self-contained HTML page (inline style, no
// script, nothing fetched from the network): a talk-time bar per speaker
// at the top (the share of the time when the input had times, otherwise of
// the words), then the conversation, one <section class="turn"> per turn
// in its speaker's colour, with the interviewer's questions highlighted
// (<mark>), speech-recognition noise struck through (<s>), and the start
// time when known. The turns of the cold open have the class "teaser" and
// a "cold open" tag after the name. Each section carries data-speaker,
// data-role, data-start and data-end (byte offsets of the input) for
// scripts.
func (t *Transcript) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(htmlHead)
	// Talk time.
	times := t.turnTimes()
	share := make(map[string]float64)
	total := 0.0
	for i := range t.Turns {
		tu := &t.Turns[i]
		x := float64(countWords(tu.Text))
		if t.Timed {
			x = times[i][1] - times[i][0]
		}
		share[tu.Speaker] += x
		total += x
	}
	bw.WriteString("<header>\n<h1>Transcript</h1>\n<div class=\"talk\">\n")
	for i, s := range t.Speakers {
		pct := 0.0
		if total > 0 {
			pct = 100 * share[s.ID] / total
		}
		fmt.Fprintf(bw, "<div class=\"speaker c%d\" data-speaker=\"%s\"><span class=\"who\">%s</span> <span class=\"bar\"><span style=\"width:%.1f%%\"></span></span> <span class=\"pct\">%.0f%%</span></div>\n",
			i%2+1, html.EscapeString(s.ID), html.EscapeString(speakerLabel(s)), pct, pct)
	}
	bw.WriteString("</div>\n</header>\n<main>\n")
	src := t.src
	if t.flat != nil {
		src = t.flat.text
	}
	noise := t.Noise
	if t.flat != nil {
		noise = nil
		for _, n := range t.Noise {
			if n.Kind != Markup {
				noise = append(noise, Noise{Span: t.viewSpan(n.Span), Kind: n.Kind})
			}
		}
	}
	for i := range t.Turns {
		tu := &t.Turns[i]
		c := 1
		for k, s := range t.Speakers {
			if s.ID == tu.Speaker {
				c = k%2 + 1
			}
		}
		teaser := ""
		if tu.Teaser {
			teaser = " teaser"
		}
		fmt.Fprintf(bw, "<section class=\"turn c%d%s\" data-speaker=\"%s\" data-role=\"%s\" data-start=\"%d\" data-end=\"%d\">\n<p class=\"who\"><span class=\"name\">%s</span>",
			c, teaser, html.EscapeString(tu.Speaker), tu.Role, tu.Start, tu.End, html.EscapeString(t.label(tu)))
		if tu.Teaser {
			bw.WriteString(` <span class="tag">cold open</span>`)
		}
		if t.Timed {
			fmt.Fprintf(bw, " <time datetime=\"PT%.3fS\">%s</time>", tu.StartTime, clock(tu.StartTime, '.')[:8])
		}
		bw.WriteString("</p>\n<p class=\"text\">")
		t.writeTurnHTML(bw, src, tu, noise)
		bw.WriteString("</p>\n</section>\n")
	}
	bw.WriteString("</main>\n</body>\n</html>\n")
	return bw.Flush()
}

func speakerLabel(s speaker.Speaker) string {
	if s.Name != "" {
		return s.Name
	}
	switch s.Role {
	case speaker.Interviewer:
		return "Interviewer"
	case speaker.Guest:
		return "Guest"
	}
	return s.ID
}

// viewSpan maps a span of the input to the text the HTML shows: the input
// itself, or the flat text of a timed input.
func (t *Transcript) viewSpan(s turn.Span) turn.Span {
	if t.flat == nil {
		return s
	}
	return turn.Span{Start: t.flat.flatOffset(s.Start, false), End: t.flat.flatOffset(s.End, true)}
}

// writeTurnHTML writes the text of tu from src (in view coordinates), with
// questions in <mark> and noise in <s>.
func (t *Transcript) writeTurnHTML(bw *bufio.Writer, src []byte, tu *turn.Turn, noise []Noise) {
	span := t.viewSpan(tu.Span)
	span.Start = max(0, min(span.Start, len(src)))
	span.End = max(span.Start, min(span.End, len(src)))
	cuts := []int{span.Start, span.End}
	var questions []turn.Span
	if tu.Role == speaker.Interviewer {
		for _, s := range tu.Sentences {
			if s.Question >= QuestionThreshold {
				q := t.viewSpan(s.Span)
				questions = append(questions, q)
				cuts = append(cuts, q.Start, q.End)
			}
		}
	}
	var ns []turn.Span
	for _, n := range noise {
		if n.Overlaps(span) {
			ns = append(ns, n.Span)
			cuts = append(cuts, n.Start, n.End)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	in := func(x int, spans []turn.Span) bool {
		for _, s := range spans {
			if s.Contains(x) {
				return true
			}
		}
		return false
	}
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a < span.Start || b > span.End || a >= b {
			continue
		}
		q, n := in(a, questions), in(a, ns)
		if q {
			bw.WriteString(`<mark class="q">`)
		}
		if n {
			bw.WriteString(`<s class="noise">`)
		}
		bw.WriteString(html.EscapeString(string(src[a:b])))
		if n {
			bw.WriteString("</s>")
		}
		if q {
			bw.WriteString("</mark>")
		}
	}
}

const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Transcript</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; background: #fff; }
h1 { font-size: 1.4em; margin: 0 0 .5em; }
.talk { margin-bottom: 1.5em; }
.speaker { display: flex; align-items: center; gap: .6em; margin: .2em 0; }
.speaker .who { width: 10em; font-weight: 600; }
.speaker .bar { flex: 1; height: .8em; background: #eee; border-radius: .4em; overflow: hidden; }
.speaker .bar span { display: block; height: 100%; }
.c1 .bar span { background: #1f6feb; }
.c2 .bar span { background: #d9480f; }
.turn { border-left: .3em solid; padding: .1em 0 .1em .8em; margin: 0 0 1em; }
.turn.c1 { border-color: #1f6feb; }
.turn.c2 { border-color: #d9480f; }
.turn .who { margin: 0; font-size: .85em; font-weight: 600; }
.turn.c1 .name { color: #1f6feb; }
.turn.c2 .name { color: #d9480f; }
.turn time { color: #777; font-weight: normal; margin-left: .5em; }
.turn .text { margin: .2em 0 0; }
mark.q { background: #fff3bf; }
s.noise { color: #999; }
.turn.teaser { border-left-style: dashed; }
.turn .tag { color: #777; font-weight: normal; font-style: italic; margin-left: .5em; }
</style>
</head>
<body>
`
