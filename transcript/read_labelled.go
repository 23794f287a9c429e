package transcript

import "bytes"

// readLabelled reads a transcript whose paragraphs start with the
// speaker's label, one to four words and a colon ("Ana Lima: ",
// "Interviewer: "), as diarize's own text output and many published
// transcripts write it; a line without a label goes on with the paragraph
// before it. At most two speakers may be named. The labels are voices,
// not speech, and decide the turns as a subtitle file's labels do; there
// are no times.
func readLabelled(src []byte) (*flat, error) {
	ls := lines(src)
	var cues []rawCue
	var names [][]byte
	for _, l := range ls {
		b := src[l.start:l.end]
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
			l.start++
			b = b[1:]
		}
		n := labelLen(b)
		if n == 0 {
			if len(cues) == 0 {
				return nil, formatError(src, l.start, Labelled, "expected a speaker label such as \"Ana Lima: \" before the text, found %q", clip(bytes.TrimSpace(b)))
			}
			c := &cues[len(cues)-1]
			c.text = append(c.text, l)
			continue
		}
		name := labelName(b[:n-2])
		if names = addName(names, name); len(names) > 2 {
			return nil, formatError(src, l.start, Labelled, "a third speaker, %q, after %q and %q: at most two may be named", names[2], names[0], names[1])
		}
		l.start += n
		for l.start < l.end && src[l.start] == ' ' {
			l.start++
		}
		cues = append(cues, rawCue{text: []line{l}, voice: string(name)})
	}
	if len(cues) == 0 {
		return nil, formatError(src, 0, Labelled, "no speaker labels")
	}
	fl := buildCues(src, cues, false, false)
	fl.untimed = true
	return fl, nil
}

// labelledText reports whether src, trimmed, opens as a labelled
// transcript: its first line starts with a speaker label, and its first 40
// lines hold three labels or more that name two speakers.
func labelledText(src []byte) bool {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if labelLen(first) == 0 {
		return false
	}
	count := 0
	var names [][]byte
	for k := 0; k < 40 && len(src) > 0; k++ {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		l = bytes.TrimLeft(l, " \t")
		n := labelLen(l)
		if n == 0 {
			continue
		}
		count++
		names = addName(names, labelName(l[:n-2]))
	}
	return count >= 3 && len(names) == 2
}
