package transcript

import (
	"bytes"
	"errors"
	"fmt"
)

// A Format is the format of an input file.
type Format uint8

// Input formats. The zero value, [Text], is flat text; [Auto] asks
// [Parser.Parse] to [Detect] the format from the content.
const (
	Text    Format = iota // flat text with no speaker labels and no times
	SRT                   // SubRip subtitles: numbered cues with times
	WebVTT                // WebVTT subtitles ("WEBVTT" header)
	Whisper               // the JSON that OpenAI Whisper writes: "segments" with "start", "end", "text" (or a Podcasting 2.0 JSON transcript: "startTime", "endTime", "body")
	Auto                  // detect the format from the content
	// Timestamped is a transcript copied with its times, as a video
	// site's transcript panel gives it: a line holding only a time
	// ("0:05", "1:02:03") before the text said from then on, or a time at
	// the start of each line of text ("[00:05] so what brought you here"),
	// as recorders' exports write it.
	Timestamped
	// Labelled is a transcript whose paragraphs start with the speaker's
	// label ("Ana Lima: ", or in Markdown bold "**Ana Lima:** "), as the
	// text and Markdown outputs write it; the labels decide the turns. A label may give the time its paragraph starts,
	// as transcript exports write it ("Ana Lima  0:05" on a line of its
	// own, "Ana Lima (00:05): ", "[00:05] Ana Lima: "); when every label
	// does, the times carry through to the turns.
	Labelled
)

var formatNames = [...]string{Text: "text", SRT: "srt", WebVTT: "vtt", Whisper: "whisper", Auto: "auto", Timestamped: "timestamped", Labelled: "labelled"}

// String returns the format's name: "text", "srt", "vtt", "whisper",
// "auto", "timestamped" or "labelled".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// MarshalText returns the format's name.
func (f Format) MarshalText() ([]byte, error) {
	if int(f) >= len(formatNames) {
		return nil, fmt.Errorf("transcript: unknown format %d", uint8(f))
	}
	return []byte(formatNames[f]), nil
}

// UnmarshalText sets f from its name, as String returns it; "webvtt",
// "json" (Whisper) and "txt" are accepted too.
func (f *Format) UnmarshalText(b []byte) error {
	switch s := string(bytes.ToLower(b)); s {
	case "webvtt":
		*f = WebVTT
		return nil
	case "json":
		*f = Whisper
		return nil
	case "txt":
		*f = Text
		return nil
	default:
		for i, n := range formatNames {
			if n == s {
				*f = Format(i)
				return nil
			}
		}
	}
	return fmt.Errorf("unknown input format %q (want auto, text, srt, vtt, whisper, timestamped or labelled)", b)
}

// ErrFormat reports a subtitle or Whisper file that does not follow its
// format. It is wrapped in an [*Error] that gives the position.
var ErrFormat = errors.New("malformed")

// Detect returns the format of src from its first bytes:
//   - [WebVTT] when it starts with the "WEBVTT" header;
//   - [Whisper] when it starts with "{";
//   - [Labelled] when its first line starts with a speaker label, with or
//     without a time, plain or in Markdown bold ("Ana Lima: ", "[00:05]
//     Ana Lima: ", "Ana Lima  0:05", "**Ana Lima:** "), and its first 40
//     lines hold three labels or more naming two speakers, or two to six
//     names labelled twice or more and few others;
//   - [Timestamped] when its first line holds only a time ("0:00"), its
//     second text, and its first 40 lines three times or more; or when its
//     first line starts with a time ("0:00 welcome") and three or more of
//     its first 40 lines do, in order;
//   - [SRT] when its first line is a cue number and its second holds "-->";
//   - [Text] otherwise.
//
// A byte order mark and white space before the first line are skipped.
// Detect never returns [Auto].
func Detect(src []byte) Format {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	src = bytes.TrimLeft(src, " \t\r\n")
	switch {
	case hasWord(src, "WEBVTT"):
		return WebVTT
	case len(src) > 0 && src[0] == '{':
		return Whisper
	}
	// Labelled first: its labels may start with a time ("[00:05] Ana
	// Lima: "), which would make it timestamped too.
	if labelledText(src) {
		return Labelled
	}
	if timestamped(src) {
		return Timestamped
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	first = bytes.TrimSpace(first)
	if len(first) == 0 || len(first) > 9 {
		return Text
	}
	for _, c := range first {
		if c < '0' || c > '9' {
			return Text
		}
	}
	second, _, _ := bytes.Cut(rest, []byte("\n"))
	if bytes.Contains(second, []byte("-->")) {
		return SRT
	}
	return Text
}

// timestamped reports whether src, trimmed, opens as a transcript with its
// times (see readTimestamped): either a time on a line of its own, then a
// line of text, and at least three time lines among its first 40 lines; or
// a time at the start of its first line of text, and at least three lines
// among its first 40 that start with a time, none earlier than the one
// before: in prose a line may start with a time of day, but seldom three
// in order.
func timestamped(src []byte) bool {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	first = bytes.TrimSpace(first)
	_, _, text, ok := leadingTime(first)
	if !ok {
		return false
	}
	inline := text < len(first)
	if !inline {
		second, _, _ := bytes.Cut(bytes.TrimLeft(rest, " \t\r\n"), []byte("\n"))
		second = bytes.TrimSpace(second)
		if _, _, t, ok := leadingTime(second); ok && t == len(second) || len(second) == 0 {
			return false
		}
	}
	times, last := 0, 0.0
	for k := 0; k < 40 && len(src) > 0; k++ {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		l = bytes.TrimSpace(l)
		t, _, text, ok := leadingTime(l)
		if !ok || !inline && text < len(l) {
			continue
		}
		if inline && t < last {
			return false
		}
		last = t
		times++
	}
	return times >= 3
}

// hasWord reports whether b starts with w followed by white space or the
// end of the input.
func hasWord(b []byte, w string) bool {
	if !bytes.HasPrefix(b, []byte(w)) {
		return false
	}
	if len(b) == len(w) {
		return true
	}
	c := b[len(w)]
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}
