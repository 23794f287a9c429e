package transcript

import "bytes"

// readTimestamped reads a transcript copied with its times, as a video
// site's transcript panel or a recorder's export gives it: a time ("0:05",
// "12:40", "1:02:03", bare or in round or square brackets) on a line of its
// own before the lines of text said from then on, or at the start of the
// line of text itself ("0:05 so what brought you here", "[00:12:40] and
// then"), or a range as whisper.cpp prints it ("[00:00:01.000 -->
// 00:00:04.500]   so"), which gives the cue its end too. The first line
// decides which: in a transcript whose times stand alone, a line of text
// that starts with a time is text. A cue without an end runs from its time
// to the next one; the last is given the time its words take at
// [WordsPerMinute]. Times must not go back. As in SubRip, when every cue's
// text starts with a speaker label ("Ana Lima: "), the labels are voices,
// not speech.
func readTimestamped(src []byte) (*flat, error) {
	var (
		cues   []rawCue
		inline bool // the times start lines of text
	)
	for _, l := range lines(src) {
		for l.start < l.end && (src[l.start] == ' ' || src[l.start] == '\t') {
			l.start++
		}
		b := bytes.TrimRight(src[l.start:l.end], " \t")
		if len(b) == 0 {
			continue
		}
		t, stop, text, ok := leadingTime(b)
		if ok && len(cues) == 0 {
			inline = text < len(b)
		}
		if !ok || !inline && text < len(b) {
			if len(cues) == 0 {
				return nil, formatError(src, l.start, Timestamped, "expected a time such as 0:05 or 1:02:03 before the text, found %q", clip(b))
			}
			c := &cues[len(cues)-1]
			c.text = append(c.text, l)
			continue
		}
		if n := len(cues); n > 0 && t < cues[n-1].start {
			return nil, formatError(src, l.start, Timestamped, "the time %s comes after %s, which is later", b[:timeEnd(b, text)], clock(cues[n-1].start, '.'))
		}
		c := rawCue{start: t, stop: stop}
		if text < len(b) {
			c.text = []line{{l.start + text, l.end, l.next}}
		}
		cues = append(cues, c)
	}
	if len(cues) == 0 {
		return nil, formatError(src, 0, Timestamped, "no times")
	}
	if labelled(src, cues) {
		takeLabels(src, cues)
	}
	runOn(src, cues)
	return buildCues(src, cues, false), nil
}

// leadingTime reads the time at the start of b, a line without the white
// space around it: a time ([timeWord]), or a range of two in square
// brackets as whisper.cpp writes them, "[00:00:01.000 --> 00:00:04.500]",
// alone on the line or followed by white space and text. It returns the
// time, the end of the range (0 for a single time), and the offset in b of
// the text after it, len(b) when there is none.
func leadingTime(b []byte) (secs, stop float64, text int, ok bool) {
	end := bytes.IndexAny(b, " \t")
	if end < 0 {
		end = len(b)
	}
	if k := bytes.IndexByte(b, ']'); len(b) > 0 && b[0] == '[' && k > 0 {
		secs, stop, ok = timeRange(b[1:k])
		if ok {
			end = k + 1
		}
	}
	if !ok {
		if secs, _, _, ok = timeWord(b[:end]); !ok {
			return 0, 0, 0, false
		}
	}
	text = end
	for text < len(b) && (b[text] == ' ' || b[text] == '\t') {
		text++
	}
	return secs, stop, text, true
}

// timeRange reads "START --> END", two timestamps [HH:]MM:SS.mmm (or with
// a comma), END not before START.
func timeRange(b []byte) (start, stop float64, ok bool) {
	from, to, found := bytes.Cut(b, []byte("-->"))
	if !found {
		return 0, 0, false
	}
	read := func(t []byte) (float64, bool) {
		t = bytes.TrimSpace(t)
		for _, srt := range []bool{false, true} {
			if secs, n, msg := parseTimestamp(t, srt); msg == "" && n == len(t) {
				return secs, true
			}
		}
		return 0, false
	}
	start, ok1 := read(from)
	stop, ok2 := read(to)
	return start, stop, ok1 && ok2 && stop >= start
}

// timeEnd returns the end of the time at the start of b, whose text
// starts at text (see leadingTime).
func timeEnd(b []byte, text int) int {
	return len(bytes.TrimRight(b[:text], " \t"))
}

// runOn sets the stop of each cue that has only its start time to the
// start of the next; the last is given the time its words take at
// [WordsPerMinute]. A cue that has its stop keeps it.
func runOn(src []byte, cues []rawCue) {
	for k := range cues {
		c := &cues[k]
		if c.stop > c.start {
			continue
		}
		if k+1 < len(cues) {
			c.stop = cues[k+1].start
			continue
		}
		words := 0
		for _, l := range c.text {
			words += len(bytes.Fields(src[l.start:l.end]))
		}
		c.stop = c.start + float64(words)*60/WordsPerMinute
	}
}

// timeLine reads b, a trimmed line, as a time of the form M:SS, MM:SS or
// H:MM:SS (hours and minutes of any number of digits, seconds and minutes
// after an hour of two below 60), and reports whether it is one.
func timeLine(b []byte) (secs float64, ok bool) {
	var parts [3]int
	n := 0
	for i := 0; i <= len(b); i++ {
		if n == len(parts) {
			return 0, false
		}
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			parts[n] = parts[n]*10 + int(b[i]-'0')
			if parts[n] > 1e6 {
				return 0, false
			}
			i++
		}
		if i == start || n > 0 && (i-start != 2 || parts[n] >= 60) {
			return 0, false
		}
		n++
		if i < len(b) && b[i] != ':' {
			return 0, false
		}
	}
	switch n {
	case 2:
		return float64(parts[0]*60 + parts[1]), true
	case 3:
		if parts[1] >= 60 {
			return 0, false
		}
		return float64(parts[0]*3600 + parts[1]*60 + parts[2]), true
	}
	return 0, false
}
