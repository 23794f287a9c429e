package transcript

import "bytes"

// readLabelled reads a transcript whose paragraphs start with the
// speaker's label, one to four words and a colon ("Ana Lima: ",
// "Interviewer: "), as diarize's own text output and many published
// transcripts write it, or in Markdown bold ("**Ana Lima:** "), as its
// Markdown output does; a line without a label goes on with the paragraph
// before it. The labels are voices, not speech, and decide the turns as a
// subtitle file's labels do, of two speakers or more (see
// [flat.voiceRoles]).
//
// A label may give the time at which its paragraph starts, as transcript
// exports and the text output of a timed transcript write it (see
// [readLabel] for the shapes): then the paragraph runs to the next label's
// time, the last one for as long as its words take at [WordsPerMinute], as
// in a timestamped transcript. Times must not go back. The transcript is
// timed only when every label gives a time; when some do not, there are no
// times, and the times that are given are markup like the rest of their
// labels. A label with no text after it, on its line or the lines below,
// is a paragraph with no speech: it names its speaker and gives its time,
// which ends the paragraph before it, nothing more.
func readLabelled(src []byte) (*flat, error) {
	var (
		cues  []rawCue
		heads []line // each cue's first line, its label included
		plain []bool // each cue's label gives no time
		alone bool   // the first label is a name and a time alone on its line
		timed = true // every label so far gives a time
		prev  = -1.0 // the last time given
	)
	for _, l := range lines(src) {
		b := src[l.start:l.end]
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
			l.start++
			b = b[1:]
		}
		lb, ok := readLabel(b, alone || len(cues) == 0)
		if !ok {
			if len(cues) == 0 {
				return nil, formatError(src, l.start, Labelled, "expected a speaker label such as \"Ana Lima: \" before the text, found %q", clip(bytes.TrimSpace(b)))
			}
			c := &cues[len(cues)-1]
			c.text = append(c.text, l)
			continue
		}
		if len(cues) == 0 {
			alone = lb.alone
		}
		if lb.timed {
			if lb.secs < prev {
				return nil, formatError(src, l.start+lb.at, Labelled, "the time %s comes after %s, which is later", b[lb.at:lb.end], clock(prev, '.'))
			}
			prev = lb.secs
		} else {
			timed = false
		}
		c := rawCue{start: lb.secs, voice: string(lb.name)}
		heads = append(heads, l)
		plain = append(plain, !lb.timed)
		l.start += lb.n
		for l.start < l.end && src[l.start] == ' ' {
			l.start++
		}
		if !isBlank(src[l.start:l.end]) {
			c.text = []line{l}
		}
		cues = append(cues, c)
	}
	if len(cues) == 0 {
		return nil, formatError(src, 0, Labelled, "no speaker labels")
	}
	cues = strays(cues, heads, plain)
	if timed {
		runOn(src, cues)
	} else {
		for k := range cues {
			cues[k].start = 0
		}
	}
	fl := buildCues(src, cues, false)
	fl.untimed = !timed
	return fl, nil
}

// strays returns cues with each stray label taken back into the text:
// a name labelled once only, without a time, after the first paragraph,
// in a transcript where two names or more are labelled twice or more, is
// a line of the paragraph before that starts like a label ("Rule one:
// never stop"), not a speaker. heads holds each cue's first line with its
// label, plain whether its label gives no time.
func strays(cues []rawCue, heads []line, plain []bool) []rawCue {
	count := map[string]int{}
	for _, c := range cues {
		count[c.voice]++
	}
	often := 0
	for _, n := range count {
		if n >= 2 {
			often++
		}
	}
	if often < 2 || len(count) == often {
		return cues
	}
	out := cues[:1]
	for k := 1; k < len(cues); k++ {
		if c := cues[k]; count[c.voice] > 1 || !plain[k] {
			out = append(out, c)
			continue
		}
		last := &out[len(out)-1]
		last.text = append(last.text, heads[k])
		if len(cues[k].text) > 1 {
			last.text = append(last.text, cues[k].text[1:]...)
		}
	}
	return out
}

// A label is the speaker label at the start of a line of a labelled
// transcript.
type label struct {
	n     int    // the bytes of the line the label takes: the text follows
	name  []byte // the speaker's name, without a closing remark
	alone bool   // a name and a time alone on the line, without a colon
	timed bool   // the label gives a time: secs, written as line[at:end]
	secs  float64
	at    int
	end   int
}

// readLabel reads the speaker label at the start of b, a line without the
// white space before it: a name of one to four words ([isName]) and a
// colon, "Ana Lima: ", or one of the labels with a time that transcript
// exports write:
//
//	Ana Lima (00:05): text    the time after the name, in brackets or not
//	[00:05] Ana Lima: text    the time before the name, in brackets or not
//	Ana Lima (00:05):         a label with a time may end its line
//	Ana Lima  0:05            a name and a time alone on the line (with alone)
//
// Each but the last may be set in Markdown bold ([boldLabel]):
// "**Ana Lima:** text", "[00:05] **Ana Lima**: text". A name in square
// brackets, "[SPEAKER_00]: text", as WhisperX writes its text output, is
// a label too.
//
// A time is written M:SS, MM:SS or H:MM:SS ([timeLine]), in round or square
// brackets or bare, and is set off from the name by spaces or a tab. A
// name and a time alone on a line are a label only when alone is set (the
// transcript starts with such a label), so that a line of text such as
// "Game 7 2:30" does not start a paragraph in a transcript labelled
// "Name: ". The time is part of the label, never the name: "0:05: " is
// no label.
func readLabel(b []byte, alone bool) (label, bool) {
	// "[SPEAKER_00]: text", as WhisperX writes its text output.
	if len(b) > 3 && b[0] == '[' {
		if k := bytes.Index(b, []byte("]:")); k > 1 && k <= 41 && isName(b[1:k]) {
			if rest := b[k+2:]; len(rest) == 0 || rest[0] == ' ' {
				return label{n: min(k+3, len(b)), name: labelName(b[1:k])}, true
			}
		}
	}
	if plain, cut, ok := boldLabel(b); ok {
		l, ok := readLabel(plain, false)
		if !ok {
			return label{}, false
		}
		// Back to offsets in b: two bytes of markers were cut at each of
		// cut[0] and cut[1].
		orig := func(p int) int {
			if p >= cut[0] {
				p += 2
			}
			if p >= cut[1]+2 {
				p += 2
			}
			return p
		}
		l.n, l.at, l.end = orig(l.n), orig(l.at), orig(l.end)
		return l, true
	}
	if text, n := labelEnd(b); n > 0 {
		l := b[:text]
		// A time before the name.
		if k := bytes.IndexAny(l, " \t"); k > 0 {
			if secs, at, end, ok := timeWord(l[:k]); ok {
				if name := bytes.TrimLeft(l[k:], " \t"); isName(name) {
					return label{n: n, name: labelName(name), timed: true, secs: secs, at: at, end: end}, true
				}
			}
		}
		// A time after the name.
		if name, secs, at, end, ok := cutTime(l); ok && isName(name) {
			return label{n: n, name: labelName(name), timed: true, secs: secs, at: at, end: end}, true
		}
		if bytes.HasPrefix(b[text:], []byte(": ")) && isName(l) {
			return label{n: n, name: labelName(l)}, true
		}
	}
	if !alone {
		return label{}, false
	}
	t := bytes.TrimRight(b, " \t\r")
	if name, secs, at, end, ok := cutTime(t); ok && isName(name) {
		return label{n: len(b), name: labelName(name), alone: true, timed: true, secs: secs, at: at, end: end}, true
	}
	return label{}, false
}

// boldLabel reads a label set in Markdown bold, as the Markdown output
// and transcripts published in Markdown write it: "**Ana Lima:** ",
// "**Ana Lima**: " (or with underscores), after a time or not ("[00:05]
// **Ana Lima:** "). It returns a copy of b with the two markers cut, so
// that the label reads as a plain one, and where they were cut in the
// copy: the first marker at cut[0], the second at cut[1].
func boldLabel(b []byte) (plain []byte, cut [2]int, ok bool) {
	start := 0
	if k := bytes.IndexAny(b, " \t"); k > 0 {
		if _, _, _, ok := timeWord(b[:k]); ok {
			start = k
			for start < len(b) && (b[start] == ' ' || b[start] == '\t') {
				start++
			}
		}
	}
	rest := b[start:]
	if len(rest) < 5 || !bytes.HasPrefix(rest, []byte("**")) && !bytes.HasPrefix(rest, []byte("__")) {
		return nil, cut, false
	}
	end := bytes.Index(rest[2:], rest[:2])
	if end < 1 || end > 60 {
		return nil, cut, false
	}
	inner, after := rest[2:2+end], rest[4+end:]
	if inner[len(inner)-1] != ':' && !bytes.HasPrefix(after, []byte(":")) {
		return nil, cut, false
	}
	plain = make([]byte, 0, len(b)-4)
	plain = append(plain, b[:start]...)
	plain = append(plain, inner...)
	plain = append(plain, after...)
	return plain, [2]int{start, start + len(inner)}, true
}

// labelEnd returns where the text of a label "Name: " at the start of b
// ends, at its colon, and the bytes the label takes with its colon and a
// space; or with a colon that ends the line, the whole line. It returns 0,
// 0 when b has no such colon.
func labelEnd(b []byte) (text, n int) {
	if colon := bytes.Index(b, []byte(": ")); colon >= 0 {
		return colon, colon + 2
	}
	if t := bytes.TrimRight(b, " \t\r"); len(t) > 0 && t[len(t)-1] == ':' {
		return len(t) - 1, len(b)
	}
	return 0, 0
}

// cutTime cuts the time off the end of l, the text of a label, "Ana Lima
// (00:05)", and returns the name before it and the time, with the time's
// bounds in l.
func cutTime(l []byte) (name []byte, secs float64, at, end int, ok bool) {
	k := bytes.LastIndexAny(l, " \t")
	if k < 0 {
		return nil, 0, 0, 0, false
	}
	secs, at, end, ok = timeWord(l[k+1:])
	return bytes.TrimRight(l[:k], " \t"), secs, k + 1 + at, k + 1 + end, ok
}

// timeWord reads w as a time ([timeLine]), bare or in round or square
// brackets, and returns it with the bounds of its digits in w.
func timeWord(w []byte) (secs float64, at, end int, ok bool) {
	at, end = 0, len(w)
	if n := len(w); n > 2 && (w[0] == '(' && w[n-1] == ')' || w[0] == '[' && w[n-1] == ']') {
		at, end = 1, n-1
	}
	secs, ok = timeLine(w[at:end])
	return secs, at, end, ok
}

// labelledText reports whether src, trimmed, opens as a labelled
// transcript: its first line starts with a speaker label, with or without
// a time ([readLabel]), and its first 40 lines hold three labels or more
// that name two speakers; or two to six names labelled twice or more, on
// four labels or more, and other names labelled once, no more than half as
// many as those labels (a line of prose may start like a label, "Note: ",
// but seldom with the same word again).
func labelledText(src []byte) bool {
	count := 0
	alone := false
	times := map[string]int{} // the labels of each name
	for k := 0; k < 40 && len(src) > 0; k++ {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		lb, ok := readLabel(bytes.TrimLeft(l, " \t"), k == 0 || alone)
		if k == 0 {
			if !ok {
				return false
			}
			alone = lb.alone
		}
		if ok {
			count++
			times[string(lb.name)]++
		}
	}
	if count >= 3 && len(times) == 2 {
		return true
	}
	// Speakers are the names labelled twice or more; a name labelled once
	// may be a line of text that looks like a label (see strays).
	often, oftenLabels := 0, 0
	for _, n := range times {
		if n >= 2 {
			often++
			oftenLabels += n
		}
	}
	once := len(times) - often
	return often >= 2 && often <= 6 && oftenLabels >= 4 && 2*once <= oftenLabels
}
