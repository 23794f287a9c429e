package transcript

import "bytes"

// readVTT reads a WebVTT file: the "WEBVTT" header, then blocks separated
// by blank lines. A block is a NOTE, STYLE or REGION block (skipped) or a
// cue: an optional identifier line, a timing line "00:01.500 --> 00:04.000"
// with optional settings, and lines of cue text. Cues must start in order.
// A cue's <v Name> voice tag names its speaker, or, when every cue's text
// starts with one, a speaker label ("Ana Lima: "). A line of white space
// followed by text is a line of the cue, not its end (see spaceInCue), and
// roll-up captions' repeated lines are read once (see unroll).
func readVTT(src []byte) (*flat, error) {
	ls := lines(src)
	if len(ls) == 0 || !hasWord(src[ls[0].start:ls[0].end], "WEBVTT") {
		at := 0
		if len(ls) > 0 {
			at = ls[0].start
		}
		return nil, formatError(src, at, WebVTT, "the file must start with \"WEBVTT\"")
	}
	i := 1
	// Header lines run to the first blank line.
	for i < len(ls) && !isBlank(src[ls[i].start:ls[i].end]) {
		if bytes.Contains(src[ls[i].start:ls[i].end], []byte("-->")) {
			return nil, formatError(src, ls[i].start, WebVTT, "a blank line must separate the header from the first cue")
		}
		i++
	}
	var cues []rawCue
	for {
		for i < len(ls) && isBlank(src[ls[i].start:ls[i].end]) {
			i++
		}
		if i == len(ls) {
			break
		}
		b := src[ls[i].start:ls[i].end]
		if hasWord(b, "NOTE") || hasWord(b, "STYLE") || hasWord(b, "REGION") {
			for i < len(ls) && !isBlank(src[ls[i].start:ls[i].end]) {
				i++
			}
			continue
		}
		if !bytes.Contains(b, []byte("-->")) {
			// An identifier; the timing line follows.
			i++
			if i == len(ls) || !bytes.Contains(src[ls[i].start:ls[i].end], []byte("-->")) {
				at := len(src)
				if i < len(ls) {
					at = ls[i].start
				}
				return nil, formatError(src, at, WebVTT, "expected a cue timing line after the cue identifier %q", clip(b))
			}
		}
		start, stop, err := parseTiming(src, ls[i], WebVTT)
		if err != nil {
			return nil, err
		}
		if n := len(cues); n > 0 && start < cues[n-1].start {
			return nil, formatError(src, ls[i].start, WebVTT, "the cue starts at %s, before the cue before it (%s)", clock(start, '.'), clock(cues[n-1].start, '.'))
		}
		i++
		c := rawCue{start: start, stop: stop}
		for i < len(ls) && (!isBlank(src[ls[i].start:ls[i].end]) || spaceInCue(src, ls, i)) {
			if bytes.Contains(src[ls[i].start:ls[i].end], []byte("-->")) {
				return nil, formatError(src, ls[i].start, WebVTT, "a blank line must end the cue before the next timing line")
			}
			if !isBlank(src[ls[i].start:ls[i].end]) {
				c.text = append(c.text, ls[i])
			}
			i++
		}
		cues = append(cues, c)
	}
	if len(cues) == 0 {
		return nil, formatError(src, len(src), WebVTT, "no cues")
	}
	unroll(src, cues)
	if labelled(src, cues) {
		takeLabels(src, cues) // as Zoom writes its transcripts
	}
	return buildCues(src, cues, true), nil
}

// spaceInCue reports whether line i, which holds only white space, is a
// line of the cue's text rather than the blank line that ends the cue:
// it is not empty, as a blank line is in WebVTT, and the line after it is
// text of the cue, neither blank nor a timing line nor an identifier
// before one. Automatic captions (YouTube's) open each cue with a line
// holding one space.
func spaceInCue(src []byte, ls []line, i int) bool {
	if ls[i].start == ls[i].end || i+1 == len(ls) {
		return false
	}
	next := src[ls[i+1].start:ls[i+1].end]
	if isBlank(next) || bytes.Contains(next, []byte("-->")) {
		return false
	}
	return i+2 == len(ls) || !bytes.Contains(src[ls[i+2].start:ls[i+2].end], []byte("-->"))
}
