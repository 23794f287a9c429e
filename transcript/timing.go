package transcript

import (
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// Timed inputs (SRT, WebVTT, Whisper JSON) are read into a flat: the
// speech of their cues joined into the flat text the parser handles, with
// a map from the bytes of that text back to the bytes of the file and to
// times. The parser runs on the flat text; its offsets are then mapped back
// (flat.remap), so that every offset a Transcript holds is a byte offset
// into the file.

// A flat is the speech of a timed input file joined into flat text.
type flat struct {
	text    []byte
	pieces  []piece    // in order of both text and file offsets
	cues    []timedCue // in order of text offsets
	untimed bool       // the file has no times (a labelled transcript)
}

// A piece says where a run of the flat text, text[at:at+n], comes from:
// the file's bytes [from, to). When to-from == n the bytes were copied
// and map one to one; otherwise the run is one decoded character (an
// escape such as \u00e9 or an entity such as &amp;) and maps as a whole.
// Flat bytes in no piece are separators the reader inserted between lines
// and cues.
type piece struct{ at, n, from, to int }

// A timedCue is the flat text [at, end) of one cue, spoken from start to
// stop seconds, by voice when the file names the speaker.
type timedCue struct {
	at, end     int
	start, stop float64
	voice       string
}

// copy appends src[from:to] verbatim.
func (f *flat) copy(src []byte, from, to int) {
	if from >= to {
		return
	}
	if k := len(f.pieces) - 1; k >= 0 {
		p := &f.pieces[k]
		if p.to == from && p.at+p.n == len(f.text) && p.n == p.to-p.from {
			p.n += to - from
			p.to = to
			f.text = append(f.text, src[from:to]...)
			return
		}
	}
	f.pieces = append(f.pieces, piece{at: len(f.text), n: to - from, from: from, to: to})
	f.text = append(f.text, src[from:to]...)
}

// decoded appends s, the decoded form of the file's bytes [from, to).
// White space decoded from an escape (&nbsp;, \n) is a separator: the
// escape's bytes, not white space in the file, count as markup.
func (f *flat) decoded(s string, from, to int) {
	if strings.TrimFunc(s, isSpaceOrFormat) == "" {
		f.sep(s)
		return
	}
	f.pieces = append(f.pieces, piece{at: len(f.text), n: len(s), from: from, to: to})
	f.text = append(f.text, s...)
}

// sep appends a separator that no file byte stands for.
func (f *flat) sep(s string) { f.text = append(f.text, s...) }

// startCue begins a cue: the caller appends its text, then calls endCue.
// Cues are separated by a line break, or by a blank line when the voice
// changes, which always ends a sentence.
func (f *flat) startCue(start, stop float64, voice string) {
	if n := len(f.cues); n > 0 {
		if prev := f.cues[n-1]; prev.voice != voice {
			f.sep("\n\n")
		} else {
			f.sep("\n")
		}
	}
	f.cues = append(f.cues, timedCue{at: len(f.text), start: start, stop: stop, voice: voice})
}

// endCue ends the cue begun by startCue. The cue's time runs over its
// text without the white space at either end (Whisper starts each
// segment's text with a space), so that its first word starts at the cue's
// start time and its last ends at its stop time.
func (f *flat) endCue() {
	c := &f.cues[len(f.cues)-1]
	c.end = len(f.text)
	for c.at < c.end && isSpaceByte(f.text[c.at]) {
		c.at++
	}
	for c.end > c.at && isSpaceByte(f.text[c.end-1]) {
		c.end--
	}
}

// fileStart maps the flat offset x, the first byte of a span, to the file.
func (f *flat) fileStart(x int) int {
	i, _ := slices.BinarySearchFunc(f.pieces, x, func(p piece, x int) int {
		if p.at+p.n <= x {
			return -1
		}
		if p.at > x {
			return 1
		}
		return 0
	})
	if i == len(f.pieces) {
		return f.pieces[len(f.pieces)-1].to
	}
	p := f.pieces[i]
	if x <= p.at || p.n != p.to-p.from {
		return p.from
	}
	return p.from + x - p.at
}

// fileEnd maps the flat offset y, just past the last byte of a span, to
// the file.
func (f *flat) fileEnd(y int) int {
	// The last piece that starts before y.
	i, _ := slices.BinarySearchFunc(f.pieces, y, func(p piece, y int) int {
		if p.at < y {
			return -1
		}
		return 1
	})
	if i == 0 {
		return f.pieces[0].from
	}
	p := f.pieces[i-1]
	if y >= p.at+p.n || p.n != p.to-p.from {
		return p.to
	}
	return p.from + y - p.at
}

func (f *flat) mapSpan(s *turn.Span) {
	if s.Start >= s.End {
		s.Start = f.fileStart(s.Start)
		s.End = s.Start
		return
	}
	s.Start, s.End = f.fileStart(s.Start), f.fileEnd(s.End)
}

// timeStart returns the time in seconds at which the flat byte x is
// spoken, interpolated inside its cue by byte position; a separator takes
// the start of the next cue.
func (f *flat) timeStart(x int) float64 {
	i, _ := slices.BinarySearchFunc(f.cues, x, func(c timedCue, x int) int {
		if c.end <= x {
			return -1
		}
		return 1
	})
	if i == len(f.cues) {
		return f.cues[len(f.cues)-1].stop
	}
	return f.cues[i].at2time(max(x, f.cues[i].at))
}

// timeEnd returns the time at which the speech ending at flat offset y
// ends; a separator takes the end of the previous cue.
func (f *flat) timeEnd(y int) float64 {
	i, _ := slices.BinarySearchFunc(f.cues, y, func(c timedCue, y int) int {
		if c.at < y {
			return -1
		}
		return 1
	})
	if i == 0 {
		return f.cues[0].start
	}
	c := f.cues[i-1]
	return c.at2time(min(y, c.end))
}

func (c timedCue) at2time(x int) float64 {
	if c.end <= c.at {
		return c.start
	}
	return roundMilli(c.start + (c.stop-c.start)*float64(x-c.at)/float64(c.end-c.at))
}

func roundMilli(x float64) float64 { return math.Round(x*1000) / 1000 }

// Markup is the noise kind of the bytes of a subtitle or Whisper file
// that are not speech: the header, cue numbers, timing lines, notes,
// styling tags, speaker labels, and in Whisper JSON everything outside the
// segments' "text" strings.
const Markup NoiseKind = "markup"

// remap moves the offsets of tr, parsed from f.text, into src, the file f
// was read from; sets the turns' times; and adds a Markup noise span for
// each run of non-space file bytes that is no speech.
func (f *flat) remap(tr *Transcript, src []byte) {
	last := 0.0
	for i := range tr.Turns {
		t := &tr.Turns[i]
		// Cues may overlap; times never go back.
		t.StartTime = max(last, f.timeStart(t.Start))
		t.EndTime = max(t.StartTime, f.timeEnd(t.End))
		last = t.StartTime
		f.mapSpan(&t.Span)
		for k := range t.Sentences {
			f.mapSpan(&t.Sentences[k].Span)
		}
		if e := t.Explanation; e != nil {
			for k := range e.Sentences {
				f.mapSpan(&e.Sentences[k].Span)
			}
		}
	}
	for i := range tr.Noise {
		f.mapSpan(&tr.Noise[i].Span)
	}
	if tr.Teaser.Len() > 0 {
		f.mapSpan(&tr.Teaser)
	}
	for i := range tr.Questions {
		f.mapSpan(&tr.Questions[i].Span)
	}
	for i := range tr.Speakers {
		for k := range tr.Speakers[i].Evidence {
			ev := &tr.Speakers[i].Evidence[k]
			s := turn.Span{Start: ev.Start, End: ev.End}
			f.mapSpan(&s)
			ev.Start, ev.End = s.Start, s.End
		}
	}
	// Markup: the file bytes between pieces, trimmed of white space, unless
	// a (repetition) noise span already holds them.
	var markup []Noise
	k := 0
	addGap := func(from, to int) {
		s := trimSpan(src, turn.Span{Start: from, End: to})
		if s.Len() <= 0 {
			return
		}
		for k < len(tr.Noise) && tr.Noise[k].End <= s.Start {
			k++
		}
		if k < len(tr.Noise) && tr.Noise[k].Start <= s.Start && s.End <= tr.Noise[k].End {
			return
		}
		markup = append(markup, Noise{Span: s, Kind: Markup})
	}
	prev := 0
	for _, p := range f.pieces {
		addGap(prev, p.from)
		prev = p.to
	}
	addGap(prev, len(src))
	if len(markup) > 0 {
		tr.Noise = append(tr.Noise, markup...)
		slices.SortFunc(tr.Noise, func(a, b Noise) int { return a.Start - b.Start })
	}
	tr.src, tr.str = src, "" // str was the flat text
	tr.flat = f
	tr.lines = new(lineTable)
	tr.Timed = !f.untimed
}

// trimSpan trims the white space (and invisible format characters such as
// a byte order mark) off both ends of s.
func trimSpan(src []byte, s turn.Span) turn.Span {
	b := strings.TrimFunc(string(src[s.Start:s.End]), isSpaceOrFormat)
	if b == "" {
		return turn.Span{Start: s.Start, End: s.Start}
	}
	lead := strings.Index(string(src[s.Start:s.End]), b)
	return turn.Span{Start: s.Start + lead, End: s.Start + lead + len(b)}
}

func isSpaceOrFormat(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || isSpaceRune(r)
}

// voiceRoles overrides the decoder's roles with the voices the file names
// (WebVTT <v Name> tags, SRT "Name:" labels, Whisper "speaker" fields)
// when every segment lies in a cue with a voice. A voice named for a role
// ([roleWord]) takes that role; of two voices, the other takes the other
// role, and of two unnamed ones, the one the decoder gave more of its
// bytes as the interviewer's is the interviewer; of three voices or more,
// see [manyRoles]. A voice's name becomes the name of its role, unless
// names already has one or another voice shares the role. prob becomes
// the decoder's probability of the role the voice gives.
func (f *flat) voiceRoles(segs []turn.Segment, roles []speaker.Role, prob []float64, names speaker.Names) speaker.Names {
	voice := make([]int, len(segs)) // each segment's index in voices
	var voices []string
	index := map[string]int{}
	c := 0
	for i, s := range segs {
		for c < len(f.cues) && f.cues[c].end <= s.Start {
			c++
		}
		if c == len(f.cues) || f.cues[c].voice == "" {
			return names
		}
		v, ok := index[f.cues[c].voice]
		if !ok {
			v = len(voices)
			index[f.cues[c].voice] = v
			voices = append(voices, f.cues[c].voice)
		}
		voice[i] = v
	}
	if len(voices) == 0 {
		return names
	}
	// Votes: bytes the decoder gave the interviewer minus bytes it gave the
	// guest, per voice.
	votes := make([]int, len(voices))
	fixed := make([]speaker.Role, len(voices))
	for i, s := range segs {
		v := voice[i]
		if roles[i] == speaker.Interviewer {
			votes[v] += s.Len()
		} else {
			votes[v] -= s.Len()
		}
	}
	for v, name := range voices {
		fixed[v] = roleWord(name, voices)
	}
	role := make([]speaker.Role, len(voices))
	switch {
	case len(voices) > 2:
		role = manyRoles(fixed, votes)
	case len(voices) == 1 && fixed[0] != speaker.Unknown:
		role[0] = fixed[0]
	case len(voices) == 1:
		role[0] = speaker.Guest
		if votes[0] > 0 {
			role[0] = speaker.Interviewer
		}
	case fixed[0] != speaker.Unknown && fixed[1] != speaker.Unknown && fixed[0] != fixed[1]:
		copy(role, fixed)
	case fixed[0] != speaker.Unknown:
		role[0], role[1] = fixed[0], other(fixed[0])
	case fixed[1] != speaker.Unknown:
		role[1], role[0] = fixed[1], other(fixed[1])
	case votes[0]-votes[1] >= 0:
		role[0], role[1] = speaker.Interviewer, speaker.Guest
	default:
		role[0], role[1] = speaker.Guest, speaker.Interviewer
	}
	for i := range segs {
		r := role[voice[i]]
		if r != roles[i] {
			roles[i] = r
			if prob != nil {
				prob[i] = 1 - prob[i]
			}
		}
	}
	per := map[speaker.Role]int{} // voices of each role
	for _, r := range role {
		per[r]++
	}
	for v, name := range voices {
		if fixed[v] != speaker.Unknown || isVoiceID(name) {
			continue
		}
		if _, ok := names[role[v]]; ok {
			continue
		}
		if per[role[v]] > 1 {
			continue // two people share the role: neither is its name
		}
		names = maps.Clone(names)
		if names == nil {
			names = speaker.Names{}
		}
		names[role[v]] = name
	}
	return names
}

// manyRoles returns the roles of three voices or more, each named for a
// role (fixed) or with its vote (the bytes the decoder gave it as the
// interviewer less those as the guest): a voice named for a role takes
// it, another the role its vote leans to; and if no voice is then the
// interviewer (or the guest), the unnamed voice that leans most that way
// becomes it, so that there are two parties.
func manyRoles(fixed []speaker.Role, votes []int) []speaker.Role {
	role := slices.Clone(fixed)
	for v := range role {
		if role[v] == speaker.Unknown {
			role[v] = speaker.Guest
			if votes[v] > 0 {
				role[v] = speaker.Interviewer
			}
		}
	}
	for _, r := range []speaker.Role{speaker.Interviewer, speaker.Guest} {
		if slices.Contains(role, r) {
			continue
		}
		best := -1
		for v := range role {
			if fixed[v] != speaker.Unknown {
				continue
			}
			if best < 0 || r == speaker.Interviewer && votes[v] > votes[best] || r == speaker.Guest && votes[v] < votes[best] {
				best = v
			}
		}
		if best >= 0 {
			role[best] = r
		}
	}
	return role
}

// roleWord returns the role that a voice named name, one of voices, takes
// by its name alone, or [speaker.Unknown]: "Interviewer", "Host",
// "Moderator" and "Presenter" are the interviewer, "Guest", "Interviewee"
// and "Respondent" the guest, in any case; and when the two voices are "Q"
// and "A" (or "Question" and "Answer"), as a published interview writes
// them, the one who asks is the interviewer. Such a name is a role, not a
// name.
func roleWord(name string, voices []string) speaker.Role {
	switch strings.ToLower(name) {
	case "interviewer", "host", "moderator", "presenter":
		return speaker.Interviewer
	case "guest", "interviewee", "respondent":
		return speaker.Guest
	}
	if len(voices) != 2 {
		return speaker.Unknown
	}
	a, b := strings.ToLower(voices[0]), strings.ToLower(voices[1])
	for _, pair := range [][2]string{{"q", "a"}, {"question", "answer"}} {
		if a == pair[0] && b == pair[1] || a == pair[1] && b == pair[0] {
			if strings.EqualFold(name, pair[0]) {
				return speaker.Interviewer
			}
			return speaker.Guest
		}
	}
	return speaker.Unknown
}

func other(r speaker.Role) speaker.Role {
	if r == speaker.Interviewer {
		return speaker.Guest
	}
	return speaker.Interviewer
}

// isVoiceID reports labels that identify a speaker without naming them,
// as speaker-diarization tools write them: "SPEAKER_00", "Speaker 1",
// "spk0", and a single letter or a number ("A", "B", "2").
func isVoiceID(s string) bool {
	u := strings.ToUpper(s)
	if strings.HasPrefix(u, "SPEAKER") || strings.HasPrefix(u, "SPK") {
		return true
	}
	if utf8.RuneCountInString(s) == 1 {
		return true
	}
	return strings.Trim(s, "0123456789") == ""
}

// times writes a turn's "start_time" and "end_time", for a transcript
// read from a timed file.
func (e *jsonWriter) times(t *turn.Turn) {
	e.raw(",\n      \"start_time\": ")
	e.float(t.StartTime)
	e.raw(",\n      \"end_time\": ")
	e.float(t.EndTime)
}

// flatOffset maps the file offset x back into the flat text: the first
// byte of a span, or with end the offset just past its last byte.
func (f *flat) flatOffset(x int, end bool) int {
	i, _ := slices.BinarySearchFunc(f.pieces, x, func(p piece, x int) int {
		if p.to < x || (!end && p.to == x) {
			return -1
		}
		return 1
	})
	if i == len(f.pieces) {
		return len(f.text)
	}
	p := f.pieces[i]
	switch {
	case x <= p.from:
		return p.at
	case x >= p.to || p.n != p.to-p.from:
		if end {
			return p.at + p.n
		}
		return p.at
	}
	return p.at + x - p.from
}
