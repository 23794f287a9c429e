package transcript_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
)

// checkTimed checks the invariants of the README for a transcript read
// from any format: turns in order, disjoint, alternating and on rune
// boundaries; noise spans in order, disjoint, each between turns or inside
// one; every byte of the file that is not white space covered by a turn
// or a noise span; sentences inside their turns; times in order.
func checkTimed(t testing.TB, src []byte, tr *transcript.Transcript) {
	t.Helper()
	fail := 0
	errorf := func(format string, args ...any) {
		t.Helper()
		if fail++; fail <= 10 {
			t.Errorf(format, args...)
		}
	}
	if string(tr.Source()) != string(src) {
		errorf("Source() is not the input")
	}
	rs := func(o int) bool { return o == len(src) || (o >= 0 && o < len(src) && utf8.RuneStart(src[o])) }
	covered := make([]bool, len(src)+1)
	prevEnd, prevTime := 0, 0.0
	for i, tu := range tr.Turns {
		if tu.Start < prevEnd || tu.Start >= tu.End || tu.End > len(src) || !rs(tu.Start) || !rs(tu.End) {
			errorf("turn %d: bad span [%d,%d) after %d (len %d)", i, tu.Start, tu.End, prevEnd, len(src))
			continue
		}
		if i > 0 && tu.Role == tr.Turns[i-1].Role {
			errorf("turns %d and %d: both %v", i-1, i, tu.Role)
		}
		prevEnd = tu.End
		for k := tu.Start; k < tu.End; k++ {
			covered[k] = true
		}
		for _, s := range tu.Sentences {
			if s.Start < tu.Start || s.End > tu.End || s.Start > s.End {
				errorf("turn %d: sentence [%d,%d) outside", i, s.Start, s.End)
			}
		}
		if tr.Timed {
			if tu.StartTime < prevTime || tu.EndTime < tu.StartTime {
				errorf("turn %d: times %v-%v after %v", i, tu.StartTime, tu.EndTime, prevTime)
			}
			prevTime = tu.StartTime
		}
	}
	prevEnd = 0
	for i, n := range tr.Noise {
		if n.Start < prevEnd || n.Start >= n.End || n.End > len(src) || !rs(n.Start) || !rs(n.End) {
			errorf("noise %d: bad span [%d,%d) after %d", i, n.Start, n.End, prevEnd)
			continue
		}
		prevEnd = n.End
		for _, tu := range tr.Turns {
			if tu.Overlaps(n.Span) && (n.Start < tu.Start || n.End > tu.End) {
				errorf("noise %d [%d,%d) crosses the edge of turn %d [%d,%d)", i, n.Start, n.End, tu.Index, tu.Start, tu.End)
			}
		}
		for k := n.Start; k < n.End; k++ {
			covered[k] = true
		}
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if !covered[i] && !unicode.IsSpace(r) && r != 0xFEFF && r != 0x200B {
			errorf("byte %d (%q) is in no turn or noise span", i, r)
		}
		i += n
	}
}

func parseAs(t *testing.T, f transcript.Format, src string) *transcript.Transcript {
	t.Helper()
	p := transcript.Parser{Format: f}
	tr, err := p.Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkTimed(t, []byte(src), tr)
	return tr
}

// smallSRT carries no speaker labels, so the model decides its roles: the
// answer opens with "Well," so that they are not a near tie (a margin of
// about 1 where "A broken vase" alone gave 0.01).
const smallSRT = "1\n00:00:01,000 --> 00:00:03,000\nWhat brought you to <i>glassblowing</i>?\n\n" +
	"2\n00:00:03,500 --> 00:00:09,500\nWell, a broken vase, believe it or not.\nI wanted to fix it.\n\n" +
	"3\n00:00:10,000 --> 00:00:12,000\nAnd did you?\n\n" +
	"4\n00:00:12,000 --> 00:00:16,000\nNo. I made a worse one, and then a better one.\n"

const smallVTT = "WEBVTT - kiln interview\n\nNOTE recorded in the studio\n\n" +
	"intro\n00:01.000 --> 00:03.000 align:start\n<v Dana>What brought you to glassblowing?</v>\n\n" +
	"00:03.500 --> 00:09.500\n<v Eli>A broken vase, believe it or not. I wanted to fix it &amp; couldn&#39;t.</v>\n\n" +
	"00:10.000 --> 00:12.000\n<v Dana>And did you?\n\n" +
	"00:12.000 --> 00:16.000\n<v Eli>No. I made a worse one, and then a better one.\n"

const smallWhisper = `{"text": " ignored", "segments": [
 {"id": 0, "start": 1.0, "end": 3.0, "text": " What brought you to glassblowing?", "tokens": [1, 2], "speaker": "SPEAKER_00"},
 {"id": 1, "start": 3.5, "end": 9.5, "text": " A broken vase, believe it or not. I wanted to fix it \u2014 and couldn\u2019t.", "speaker": "SPEAKER_01"},
 {"id": 2, "start": 10.0, "end": 12.0, "text": " And did you?", "speaker": "SPEAKER_00"},
 {"id": 3, "start": 12.0, "end": 16.0, "text": " No. I made a worse one, and then a \"better\" one.", "speaker": "SPEAKER_01"}
], "language": "en"}`

const smallTimestamped = "0:01\nWhat brought you to glassblowing?\n0:03\nWell, a broken vase, believe it or not.\nI wanted to fix it.\n" +
	"0:10\nAnd did you?\n0:12\nNo. I made a worse one, and then a better one.\n"

// smallInline is smallTimestamped with each time at the start of its
// line of text.
const smallInline = "0:01 What brought you to glassblowing?\n0:03 Well, a broken vase, believe it or not.\nI wanted to fix it.\n" +
	"0:10 And did you?\n0:12 No. I made a worse one, and then a better one.\n"

func TestReadSmall(t *testing.T) {
	type want struct {
		roles       string // I or G per turn
		start, stop []float64
		texts       []string
	}
	tests := []struct {
		name string
		f    transcript.Format
		src  string
		want want
	}{
		{"srt", transcript.SRT, smallSRT, want{"IGIG", []float64{1, 3.5, 10, 12}, []float64{3, 9.5, 12, 16},
			[]string{"What brought you to glassblowing?", "Well, a broken vase, believe it or not.\nI wanted to fix it.", "And did you?", "No. I made a worse one, and then a better one."}}},
		{"vtt", transcript.WebVTT, smallVTT, want{"IGIG", []float64{1, 3.5, 10, 12}, []float64{3, 9.5, 12, 16},
			[]string{"What brought you to glassblowing?", "A broken vase, believe it or not. I wanted to fix it & couldn't.", "And did you?", "No. I made a worse one, and then a better one."}}},
		{"whisper", transcript.Whisper, smallWhisper, want{"IGIG", []float64{1, 3.5, 10, 12}, []float64{3, 9.5, 12, 16},
			[]string{"What brought you to glassblowing?", "A broken vase, believe it or not. I wanted to fix it \u2014 and couldn\u2019t.", "And did you?", `No. I made a worse one, and then a "better" one.`}}},
		{"timestamped", transcript.Timestamped, smallTimestamped, want{"IGIG", []float64{1, 3, 10, 12}, []float64{3, 10, 12, 12 + 11*60.0/transcript.WordsPerMinute},
			[]string{"What brought you to glassblowing?", "Well, a broken vase, believe it or not.\nI wanted to fix it.", "And did you?", "No. I made a worse one, and then a better one."}}},
		{"auto timestamped", transcript.Auto, "\n" + smallTimestamped, want{roles: "IGIG"}},
		{"timestamped inline", transcript.Auto, smallInline, want{"IGIG", []float64{1, 3, 10, 12}, []float64{3, 10, 12, 12 + 11*60.0/transcript.WordsPerMinute},
			[]string{"What brought you to glassblowing?", "Well, a broken vase, believe it or not.\nI wanted to fix it.", "And did you?", "No. I made a worse one, and then a better one."}}},
		{"timestamped ranges", transcript.Auto, "[00:00:01.000 --> 00:00:03.000]   What brought you to glassblowing?\n" +
			"[00:00:03.500 --> 00:00:09.500]   Well, a broken vase, believe it or not.\nI wanted to fix it.\n" +
			"[00:00:10.000 --> 00:00:12.000]   And did you?\n[00:00:12.000 --> 00:00:16.000]   No. I made a worse one, and then a better one.\n",
			want{"IGIG", []float64{1, 3.5, 10, 12}, []float64{3, 9.5, 12, 16},
				[]string{"What brought you to glassblowing?", "Well, a broken vase, believe it or not.\nI wanted to fix it.", "And did you?", "No. I made a worse one, and then a better one."}}},
		{"timestamped inline brackets", transcript.Auto, strings.NewReplacer("0:01", "[00:00:01]", "0:03", "[00:00:03]", "0:10", "(00:00:10)", "0:12", "[00:00:12]").Replace(smallInline),
			want{"IGIG", []float64{1, 3, 10, 12}, nil, nil}},
		{"timestamped alone, text starting with a time", transcript.Auto, "0:01\nInterviewer: When does the kiln open?\n0:03\nGuest: At\n9:30 in the morning, most days.\n0:10\nInterviewer: And did you go?\n0:12\nGuest: No. I slept in.\n",
			want{"IGIG", []float64{1, 3, 10, 12}, nil, []string{"When does the kiln open?", "At\n9:30 in the morning, most days.", "And did you go?", "No. I slept in."}}},
		{"auto srt", transcript.Auto, smallSRT, want{roles: "IGIG"}},
		{"auto vtt", transcript.Auto, smallVTT, want{roles: "IGIG"}},
		{"auto whisper", transcript.Auto, smallWhisper, want{roles: "IGIG"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := parseAs(t, tt.f, tt.src)
			if !tr.Timed {
				t.Errorf("Timed = false")
			}
			var roles strings.Builder
			for _, tu := range tr.Turns {
				roles.WriteString(map[speaker.Role]string{speaker.Interviewer: "I", speaker.Guest: "G"}[tu.Role])
			}
			if tt.want.roles != "" && roles.String() != tt.want.roles {
				t.Fatalf("roles = %s, want %s", roles.String(), tt.want.roles)
			}
			for i, tu := range tr.Turns {
				if i < len(tt.want.texts) && tu.Text != tt.want.texts[i] {
					t.Errorf("turn %d: Text = %q, want %q", i, tu.Text, tt.want.texts[i])
				}
				if i < len(tt.want.start) && tu.StartTime != tt.want.start[i] {
					t.Errorf("turn %d: start time %v, want %v", i, tu.StartTime, tt.want.start[i])
				}
				if i < len(tt.want.stop) && tu.EndTime != tt.want.stop[i] {
					t.Errorf("turn %d: end time %v, want %v", i, tu.EndTime, tt.want.stop[i])
				}
			}
		})
	}
}

// TestReadSpeakers checks files that name their speakers: the format Detect
// gives, and the turns read with it (with Format Auto) and with any other
// format named: roles, names, words and, when the file has them, times.
func TestReadSpeakers(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		detect transcript.Format
		also   []transcript.Format // read with these too, to the same turns
		want   []roundTurn         // times compared only when Timed
	}{
		{"two hosts and a guest: the hosts share the interviewer's turns and name nobody",
			"Jerod: Welcome back to the show. Adam is here with me, and so is our guest. How are you?\n" +
				"Adam: Good, good. So tell us, what are you working on these days?\n" +
				"Kim Sato: Well, I build compilers. I have for about ten years now, mostly for small chips.\n" +
				"Jerod: Why small chips?\n" +
				"Kim Sato: Because nobody else wanted to, honestly. It was a gap, and I like gaps.\n" +
				"Adam: And do you still like it?\n" +
				"Kim Sato: I do. Every day.\n",
			transcript.Labelled, nil, []roundTurn{
				{Role: "interviewer", Words: "Welcome back to the show. Adam is here with me, and so is our guest. How are you? Good, good. So tell us, what are you working on these days?"},
				{Role: "guest", Name: "Kim Sato", Words: "Well, I build compilers. I have for about ten years now, mostly for small chips."},
				{Role: "interviewer", Words: "Why small chips?"},
				{Role: "guest", Name: "Kim Sato", Words: "Because nobody else wanted to, honestly. It was a gap, and I like gaps."},
				{Role: "interviewer", Words: "And do you still like it?"},
				{Role: "guest", Name: "Kim Sato", Words: "I do. Every day."},
			}},
		{"a time before each label, three names, one of them once: voices all the same, read either way",
			"[00:01] Ana: Why glass?\n[00:03] Bo: Why not? It is fun.\n[00:07] Cy: And I sell it.\n[00:10] Ana: Do you?\n[00:12] Cy: No. Bo does.\n",
			transcript.Labelled, []transcript.Format{transcript.Timestamped}, []roundTurn{
				{"interviewer", "Ana", "Why glass?", 1, 3},
				{"guest", "", "Why not? It is fun. And I sell it.", 3, 10},
				{"interviewer", "Ana", "Do you?", 10, 12},
				{"guest", "", "No. Bo does.", 12, 12 + 3*60.0/transcript.WordsPerMinute},
			}},
		{"a line that looks like a label, of a name labelled once, stays text",
			"Ana: Hi. What are your rules?\nBo: Well, I have a few, and I say them to everyone.\nRule one: never stop.\n" +
				"Rule two: never start.\nAna: Funny. And why?\nBo: Because it works, mostly.\n",
			transcript.Labelled, nil, []roundTurn{
				{Role: "interviewer", Name: "Ana", Words: "Hi. What are your rules?"},
				{Role: "guest", Name: "Bo", Words: "Well, I have a few, and I say them to everyone. Rule one: never stop. Rule two: never start."},
				{Role: "interviewer", Name: "Ana", Words: "Funny. And why?"},
				{Role: "guest", Name: "Bo", Words: "Because it works, mostly."},
			}},
		{"labels in square brackets, as WhisperX writes its text output: voice ids, no names",
			"[SPEAKER_00]: Welcome to the show. Who are you?\n[SPEAKER_01]: I am Bo. I build boats.\n" +
				"[SPEAKER_00]: Why boats?\n[SPEAKER_01]: Because the sea is wide.\n",
			transcript.Labelled, nil, []roundTurn{
				{Role: "interviewer", Words: "Welcome to the show. Who are you?"},
				{Role: "guest", Words: "I am Bo. I build boats."},
				{Role: "interviewer", Words: "Why boats?"},
				{Role: "guest", Words: "Because the sea is wide."},
			}},
		{"WebVTT cues that start with a label, as Zoom writes them",
			"WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAna Lima: Welcome to the show. Who are you?\n\n" +
				"2\n00:00:04.500 --> 00:00:07.000\nBo Chen: I am Bo. I build boats.\n\n" +
				"3\n00:00:07.500 --> 00:00:09.000\nAna Lima: Why boats?\n\n4\n00:00:09.500 --> 00:00:12.000\nBo Chen: Because the sea is wide.\n",
			transcript.WebVTT, nil, []roundTurn{
				{"interviewer", "Ana Lima", "Welcome to the show. Who are you?", 1, 4},
				{"guest", "Bo Chen", "I am Bo. I build boats.", 4.5, 7},
				{"interviewer", "Ana Lima", "Why boats?", 7.5, 9},
				{"guest", "Bo Chen", "Because the sea is wide.", 9.5, 12},
			}},
		{"three WebVTT voices: the two who answer share the guest's turns and name nobody",
			"WEBVTT\n\n00:00.000 --> 00:03.000\n<v Ana Lima>Welcome, both of you. Tell me about the kiln. How hot does it get?\n\n" +
				"00:03.000 --> 00:06.000\n<v Joe Park>Very hot. Hotter than you would think, and I have the burns to prove it.\n\n" +
				"00:06.000 --> 00:09.000\n<v Kim Sato>And I have seen them. I run the shop, I sell what he makes.\n\n" +
				"00:09.000 --> 00:10.000\n<v Ana Lima>Why glass?\n\n" +
				"00:10.000 --> 00:13.000\n<v Joe Park>Because I like fire, I suppose. It was that or cooking.\n",
			transcript.WebVTT, nil, []roundTurn{
				{"interviewer", "Ana Lima", "Welcome, both of you. Tell me about the kiln. How hot does it get?", 0, 3},
				{"guest", "", "Very hot. Hotter than you would think, and I have the burns to prove it. And I have seen them. I run the shop, I sell what he makes.", 3, 9},
				{"interviewer", "Ana Lima", "Why glass?", 9, 10},
				{"guest", "", "Because I like fire, I suppose. It was that or cooking.", 10, 13},
			}},
	}
	for _, tt := range tests {
		if f := transcript.Detect([]byte(tt.src)); f != tt.detect {
			t.Errorf("%s: Detect = %v, want %v", tt.name, f, tt.detect)
		}
		for _, f := range append([]transcript.Format{transcript.Auto}, tt.also...) {
			tr := parseAs(t, f, tt.src)
			var opts []cmp.Option
			if !tr.Timed {
				opts = append(opts, cmpopts.IgnoreFields(roundTurn{}, "Start", "Stop"))
			}
			if diff := cmp.Diff(tt.want, roundTurns(tr), opts...); diff != "" {
				t.Errorf("%s (%v): turns (-want +got):\n%s", tt.name, f, diff)
			}
		}
	}
}

// TestReadVoices checks that WebVTT voices decide the turns and name the
// speakers, even against what the text suggests.
func TestReadVoices(t *testing.T) {
	src := "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana Lima>Tell me about the kiln.\n\n" +
		"00:02.000 --> 00:04.000\n<v Ana Lima>Is it hot?\n\n" +
		"00:04.000 --> 00:06.000\n<v Joe Park>Very hot.\n\n" +
		"00:06.000 --> 00:08.000\n<v Joe Park>Why do you ask?\n"
	tr := parseAs(t, transcript.Auto, src)
	if len(tr.Turns) != 2 {
		t.Fatalf("%d turns, want 2 (one per voice)", len(tr.Turns))
	}
	names := map[speaker.Role]string{}
	for _, s := range tr.Speakers {
		names[s.Role] = s.Name
	}
	if names[speaker.Interviewer] != "Ana Lima" || names[speaker.Guest] != "Joe Park" {
		t.Errorf("names = %v, want interviewer Ana Lima, guest Joe Park", names)
	}
	if tr.Turns[1].StartTime != 4 || tr.Turns[1].EndTime != 8 {
		t.Errorf("turn 1 times %v-%v, want 4-8", tr.Turns[1].StartTime, tr.Turns[1].EndTime)
	}
}

// youtubeVTT is WebVTT as YouTube writes its automatic captions: each cue
// opens with a line of one space, or repeats the line before above the new
// one, whose words carry their times; a 10 ms cue shows the finished line.
const youtubeVTT = "WEBVTT\nKind: captions\nLanguage: en\n\n" +
	"00:00:00.000 --> 00:00:02.330 align:start position:0%\n \nso<00:00:00.400><c> what</c><00:00:00.560><c> brought</c><00:00:00.720><c> you</c><00:00:01.000><c> here</c>\n\n" +
	"00:00:02.330 --> 00:00:02.340 align:start position:0%\nso what brought you here\n \n\n" +
	"00:00:02.340 --> 00:00:04.990 align:start position:0%\nso what brought you here\nwell<00:00:02.800><c> a</c><00:00:03.000><c> broken</c><00:00:03.200><c> vase</c>\n\n" +
	"00:00:04.990 --> 00:00:05.000 align:start position:0%\nwell a broken vase\n \n\n" +
	"00:00:05.000 --> 00:00:07.000 align:start position:0%\nwell a broken vase\noh<00:00:05.400><c> yes</c>\n\n" +
	"00:00:07.000 --> 00:00:09.000 align:start position:0%\noh yes\noh yes\n"

// TestReadRollUp checks that roll-up captions, which show the line before
// again above the new one, are read with each line once: YouTube's
// automatic captions in WebVTT, and the same in SRT. A line of two words
// may be said twice and stays.
func TestReadRollUp(t *testing.T) {
	srt := "1\n00:00:00,000 --> 00:00:02,340\nso what brought you here\n\n" +
		"2\n00:00:02,340 --> 00:00:05,000\nso what brought you here\nwell a broken vase\n\n" +
		"3\n00:00:05,000 --> 00:00:07,000\nwell a broken vase\noh yes\n\n" +
		"4\n00:00:07,000 --> 00:00:09,000\noh yes\noh yes\n"
	for _, tt := range []struct {
		name string
		f    transcript.Format
		src  string
	}{{"youtube vtt", transcript.WebVTT, youtubeVTT}, {"srt", transcript.SRT, srt}} {
		tr := parseAs(t, tt.f, tt.src)
		var words []string
		for _, tu := range tr.Turns {
			words = append(words, strings.Fields(tu.Text)...)
		}
		want := "so what brought you here well a broken vase oh yes oh yes oh yes"
		if got := strings.Join(words, " "); got != want {
			t.Errorf("%s: words %q, want %q", tt.name, got, want)
		}
		if !tr.Timed || tr.Turns[0].StartTime != 0 {
			t.Errorf("%s: Timed %v, first turn from %v", tt.name, tr.Timed, tr.Turns[0].StartTime)
		}
	}
}

// TestReadOffsets checks that offsets index the file, not the joined text,
// and that the timing lines are markup noise.
func TestReadOffsets(t *testing.T) {
	tr := parseAs(t, transcript.SRT, smallSRT)
	src := tr.Source()
	first := tr.Turns[0]
	if got := string(src[first.Start:first.End]); got != "What brought you to <i>glassblowing</i>?" {
		t.Errorf("src[turn 0] = %q", got)
	}
	var markup []string
	for _, n := range tr.Noise {
		if n.Kind == transcript.Markup {
			markup = append(markup, string(src[n.Start:n.End]))
		}
	}
	want := []string{"1\n00:00:01,000 --> 00:00:03,000", "<i>", "</i>", "2\n00:00:03,500 --> 00:00:09,500",
		"3\n00:00:10,000 --> 00:00:12,000", "4\n00:00:12,000 --> 00:00:16,000"}
	if fmt.Sprint(markup) != fmt.Sprint(want) {
		t.Errorf("markup = %q\nwant %q", markup, want)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		src  string
		want transcript.Format
	}{
		{smallSRT, transcript.SRT},
		{"\uFEFF\r\n" + smallSRT, transcript.SRT},
		{smallVTT, transcript.WebVTT},
		{"WEBVTT\n", transcript.WebVTT},
		{"WEBVTTX is not a header", transcript.Text},
		{smallWhisper, transcript.Whisper},
		{"  {\"segments\": []}", transcript.Whisper},
		{"1\nWhy? Because.", transcript.Text},
		{smallTimestamped, transcript.Timestamped},
		{"\uFEFF\n1:02:03\nHi.\n1:02:04\nHello.\n1:02:09\nBye.", transcript.Timestamped},
		{"0:01\nHi.\n0:02\nHello.", transcript.Text},           // two times are not enough
		{"0:01\n0:02\nHi.\n0:03\nYes.\n0:04", transcript.Text}, // a time must be followed by text
		{"12:30\nwe met at noon and left", transcript.Text},
		{smallLabelled, transcript.Labelled},
		{"Note: this was recorded live.\nWe talked about boats.", transcript.Text},
		{"Ana: Hi.\nBo: Hello.\nCy: Hey.\nAna: Bye.", transcript.Text}, // three speakers
		{"Ana: Hi.\nAna: Hello.\nAna: Hey.", transcript.Text},          // one speaker
		{"How are you? Fine.", transcript.Text},
		{"", transcript.Text},
		{"12:30 We met at noon.\n1:15 Then we left.\n2:00 And we came back.\n", transcript.Text}, // times of day, going back
		{smallInline, transcript.Timestamped},
		{"[00:00:00.000 --> 00:00:02.340]   so\n[00:00:02.340 --> 00:00:05.000]   well\n[00:00:05.000 --> 00:00:06.500]   and\n", transcript.Timestamped},
		{"[00:00:00.000 -> 00:00:02.340] so\n[00:00:02.340 -> 00:00:05.000] well\n[00:00:05.000 -> 00:00:06.500] and\n", transcript.Text},
		{"**Ana:** Hi.\n\n**Bo**: Yes.\n\n[0:05] __Ana:__ Bye.\n", transcript.Labelled},
		{"**Note:** this was recorded live.\n**Note:** it is long.\nWe talked.\n**Note:** and more.\n", transcript.Text}, // one speaker
		{"**Ana** Hi.\n**Bo** Yes.\n**Ana** Bye.\n", transcript.Text},                                                    // no colon
		{"[00:00:00] welcome to the show\n[00:00:05] thanks for having me\n\n[00:00:09] so tell me\n", transcript.Timestamped},
		{"(0:00) welcome to the show\n(0:05) thanks for having me\n(0:09) so tell me\n", transcript.Timestamped},
		{"0:00 welcome to the show\n0:05 thanks\n", transcript.Text}, // two times are not enough
		{"[00:05] Ana: Hi.\n[00:06] Bo: Yes.\n[00:07] Ana: Bye.\n", transcript.Labelled},
		{"[00:05] Ana: Hi.\n[00:06] Bo: Yes.\n[00:07] Cy: Bye.\n", transcript.Timestamped},                                // three speakers: times, no voices
		{"0:01\n0:02 Hi.\n0:03 Yes.\n", transcript.Text},                                                                  // a time alone, then a time: neither form
		{"Ana Lima  0:00\nWelcome to the show. Who are you?\nI am Bo. I build boats.\n", transcript.Text},                 // a single header
		{"0:05: Hi.\n0:06: Hello.\n0:07: Hey.\n0:08: Bye.\n", transcript.Text},                                            // a time is no name
		{"Ana  0:00\nHi.\nBo  0:02\nYes.\nCy  0:04\nNo.\n", transcript.Text},                                              // three speakers
		{"Interview with Bo Chen\n\nAna Lima  0:00\nHi.\nBo Chen  0:05\nHello.\nAna Lima  0:09\nWhy?\n", transcript.Text}, // the first line is no label
	}
	for _, s := range labelledTimes {
		tests = append(tests, struct {
			src  string
			want transcript.Format
		}{s.src, transcript.Labelled})
	}
	for _, tt := range tests {
		if got := transcript.Detect([]byte(tt.src)); got != tt.want {
			t.Errorf("Detect(%.30q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestReadErrors checks the messages and positions for malformed and half
// valid files: each must be rejected, never read in part.
func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		f    transcript.Format
		src  string
		want string
	}{
		{"srt no number", transcript.SRT, "00:00:01,000 --> 00:00:02,000\nHi.\n",
			`transcript: 1:1: malformed SRT: expected a cue number before the timing line (byte 0)`},
		{"srt bad time", transcript.SRT, "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n00:00:0x,000 --> 00:00:03,000\nBye.\n",
			`transcript: 6:8: malformed SRT: expected milliseconds after the seconds in the timing line "00:00:0x,000 --> 00:00:03,000" (byte 46)`},
		{"srt truncated", transcript.SRT, "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n",
			`transcript: 6:1: malformed SRT: expected a timing line after cue number 2 (byte 39)`},
		{"srt stray text", transcript.SRT, "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\nand then some words\n",
			`transcript: 5:1: malformed SRT: expected a cue number, found "and then some words" (byte 37)`},
		{"srt backwards", transcript.SRT, "1\n00:00:05,000 --> 00:00:02,000\nHi.\n",
			`transcript: 2:1: malformed SRT: the cue ends (00:00:02.000) before it starts (00:00:05.000) (byte 2)`},
		{"srt out of order", transcript.SRT, "1\n00:00:05,000 --> 00:00:06,000\nHi.\n\n2\n00:00:01,000 --> 00:00:02,000\nBye.\n",
			`transcript: 6:1: malformed SRT: cue 2 starts at 00:00:01,000, before the cue before it (00:00:05,000) (byte 39)`},
		{"srt arrow", transcript.SRT, "1\n00:00:01,000 -> 00:00:02,000\nHi.\n",
			`transcript: 2:14: malformed SRT: expected "-->" in the timing line "00:00:01,000 -> 00:00:02,000" (byte 15)`},
		{"vtt header", transcript.WebVTT, "WEBVT\n\n00:01.000 --> 00:02.000\nHi.\n",
			`transcript: 1:1: malformed WebVTT: the file must start with "WEBVTT" (byte 0)`},
		{"vtt identifier without timing", transcript.WebVTT, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n\nJust some text\nmore text\n",
			`transcript: 7:1: malformed WebVTT: expected a cue timing line after the cue identifier "Just some text" (byte 52)`},
		{"vtt minutes", transcript.WebVTT, "WEBVTT\n\n00:61.000 --> 00:62.000\nHi.\n",
			`transcript: 3:1: malformed WebVTT: minutes and seconds must be below 60 in the timing line "00:61.000 --> 00:62.000" (byte 8)`},
		{"vtt no blank line", transcript.WebVTT, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n00:02.000 --> 00:03.000\nBye.\n",
			`transcript: 5:1: malformed WebVTT: a blank line must end the cue before the next timing line (byte 36)`},
		{"vtt no cues", transcript.WebVTT, "WEBVTT\n\nNOTE nothing here\n",
			`transcript: 4:1: malformed WebVTT: no cues (byte 26)`},
		{"whisper truncated", transcript.Whisper, `{"segments": [{"start": 0, "end": 1, "text": " Hi."}, {"start": 1, "en`,
			`transcript: 1:71: malformed Whisper JSON: the file ends inside the JSON value (byte 70)`},
		{"whisper syntax", transcript.Whisper, "{\"segments\": [\n  {\"start\": 0, \"end\": 1 \"text\": \" Hi.\"}]}",
			`transcript: 2:24: malformed Whisper JSON: invalid character '"' after object key:value pair (byte 38)`},
		{"whisper missing text", transcript.Whisper, "{\"segments\": [\n  {\"start\": 0, \"end\": 1}]}",
			`transcript: 2:3: malformed Whisper JSON: segment 0 needs "start", "end" and "text" (or "startTime", "endTime" and "body") (byte 17)`},
		{"whisper string time", transcript.Whisper, `{"segments": [{"start": "0", "end": 1, "text": "Hi."}]}`,
			`transcript: 1:25: malformed Whisper JSON: segment 0: "start" must be a number of seconds, at least 0 (byte 24)`},
		{"whisper no segments", transcript.Whisper, `{"text": "Hi."}`,
			`transcript: 1:1: malformed Whisper JSON: no "segments" array (byte 0)`},
		{"whisper trailing", transcript.Whisper, `{"segments": [{"start": 0, "end": 1, "text": "Hi."}]} {}`,
			`transcript: 1:55: malformed Whisper JSON: data after the JSON object (byte 54)`},
		{"whisper NUL", transcript.Whisper, `{"segments": [{"start": 0, "end": 1, "text": "Hi.\u0000"}]}`,
			`transcript: 1:50: binary data: control character U+0000 (byte 49)`},
		{"timestamped text first", transcript.Timestamped, "Hello there.\n0:01\nHi.\n",
			`transcript: 1:1: malformed timestamped transcript: expected a time such as 0:05 or 1:02:03 before the text, found "Hello there." (byte 0)`},
		{"timestamped backwards", transcript.Timestamped, "0:05\nHi.\n0:09\nYes.\n0:07\nNo.\n",
			`transcript: 5:1: malformed timestamped transcript: the time 0:07 comes after 00:00:09.000, which is later (byte 19)`},
		{"timestamped inline backwards", transcript.Timestamped, "0:05 Hi.\n0:09 Yes.\n  [0:07] No.\n",
			`transcript: 3:3: malformed timestamped transcript: the time [0:07] comes after 00:00:09.000, which is later (byte 21)`},
		{"labelled text first", transcript.Labelled, "Hello there.\nAna: Hi.\n",
			`transcript: 1:1: malformed labelled transcript: expected a speaker label such as "Ana Lima: " before the text, found "Hello there." (byte 0)`},
		{"labelled time going back", transcript.Labelled, "Ana (0:05): Hi.\nBo (0:09): Yes.\n  Ana (0:07): No.\n",
			`transcript: 3:8: malformed labelled transcript: the time 0:07 comes after 00:00:09.000, which is later (byte 39)`},
		{"labelled headers only", transcript.Labelled, "Ana  0:00\nBo  0:05\n",
			`transcript: 1:1: no text: the input is empty or only white space: the labelled file has no speech (byte 0)`},
		{"whisper silent", transcript.Whisper, `{"segments": [{"start": 0, "end": 1, "text": "  "}]}`,
			`transcript: 1:1: no text: the input is empty or only white space: the whisper file has no speech (byte 0)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := transcript.Parser{Format: tt.f}
			_, err := p.Parse([]byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded, want %s", tt.want)
			}
			var e *transcript.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *transcript.Error", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestLongFiles parses the two interviews of five minutes and more in
// testdata/formats and checks that they give turns with times. (*.roles
// holds the roles of the script they were written from, I or G per turn;
// no test scores against it yet.)
func TestLongFiles(t *testing.T) {
	for _, name := range []string{"ferry.whisper.json", "bakery.srt"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "formats", name))
			if err != nil {
				t.Fatal(err)
			}
			tr := parseAs(t, transcript.Auto, string(src))
			if n := len(tr.Turns); n < 10 {
				t.Errorf("%d turns, want at least 10", n)
			}
			last := tr.Turns[len(tr.Turns)-1]
			if last.EndTime < 300 {
				t.Errorf("the last turn ends at %vs, want a file of five minutes or more", last.EndTime)
			}
			if first := tr.Turns[0]; first.Role != speaker.Interviewer || first.StartTime != 0.8 {
				t.Errorf("first turn %v at %vs, want the interviewer at 0.8s", first.Role, first.StartTime)
			}
		})
	}
}

const smallLabelled = "Dana: What brought you to glassblowing?\n\nEli Park: Well, a broken vase, believe it or not.\nI wanted to fix it.\n\n" +
	"Dana: And did you?\n\nEli Park (laughing): No. I made a worse one, and then a better one.\n"

// TestReadLabelled checks that a labelled transcript's labels decide the
// turns and name the speakers, that the labels are markup, and that it
// has no times.
func TestReadLabelled(t *testing.T) {
	for _, f := range []transcript.Format{transcript.Labelled, transcript.Auto} {
		tr := parseAs(t, f, smallLabelled)
		if tr.Timed {
			t.Errorf("%v: Timed = true for a file without times", f)
		}
		var got []string
		for _, tu := range tr.Turns {
			got = append(got, tu.Role.String()+": "+tu.Text)
		}
		want := []string{"interviewer: What brought you to glassblowing?", "guest: Well, a broken vase, believe it or not.\nI wanted to fix it.",
			"interviewer: And did you?", "guest: No. I made a worse one, and then a better one."}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v: turns (-want +got):\n%s", f, diff)
		}
		names := map[speaker.Role]string{}
		for _, s := range tr.Speakers {
			names[s.Role] = s.Name
		}
		if names[speaker.Interviewer] != "Dana" || names[speaker.Guest] != "Eli Park" {
			t.Errorf("%v: names %v, want Dana and Eli Park", f, names)
		}
		src := tr.Source()
		for _, n := range tr.Noise {
			if n.Kind == transcript.Markup && !strings.HasSuffix(string(src[n.Start:n.End]), ":") {
				t.Errorf("%v: markup %q is not a label", f, src[n.Start:n.End])
			}
		}
	}
}

// TestRoleLabels checks that labels that name a role, not a person, give
// that role against what the text suggests (the guest speaks first and
// asks the only question), and no name.
func TestRoleLabels(t *testing.T) {
	lines := [][2]string{
		{"I", "Well, it was a long road. I started in Ohio, you know."},
		{"G", "Where in Ohio?"},
		{"I", "Dayton. Then Akron."},
	}
	for _, tt := range []struct{ i, g string }{
		{"Q", "A"}, {"Question", "Answer"}, {"HOST", "GUEST"}, {"Moderator", "Respondent"},
		{"Presenter", "Interviewee"}, {"Interviewer", "Guest"},
	} {
		var src strings.Builder
		for _, l := range lines {
			// The interviewer's label is on the lines that answer, so that
			// the text alone would give the other roles.
			label := map[string]string{"I": tt.i, "G": tt.g}[l[0]]
			src.WriteString(label + ": " + l[1] + "\n")
		}
		tr := parseAs(t, transcript.Labelled, src.String())
		var got []string
		for _, tu := range tr.Turns {
			got = append(got, tu.Role.String())
		}
		if diff := cmp.Diff([]string{"interviewer", "guest", "interviewer"}, got); diff != "" {
			t.Errorf("%s/%s: roles (-want +got):\n%s", tt.i, tt.g, diff)
		}
		for _, s := range tr.Speakers {
			if s.Name != "" {
				t.Errorf("%s/%s: the %s is named %q", tt.i, tt.g, s.Role, s.Name)
			}
		}
	}
	// "A" and "B" are two voices, neither an answer nor a name: the text
	// decides who asks.
	tr := parseAs(t, transcript.Labelled, "B: Welcome to the show. So tell me, where did you grow up?\n"+
		"A: Well, it was a long road. I started in Ohio, you know, and I moved a lot as a kid.\nB: Where in Ohio?\nA: Dayton. Then Akron.\n")
	var got []string
	for _, tu := range tr.Turns {
		got = append(got, tu.Role.String())
	}
	if diff := cmp.Diff([]string{"interviewer", "guest", "interviewer", "guest"}, got); diff != "" {
		t.Errorf("A and B: roles (-want +got):\n%s", diff)
	}
	for _, s := range tr.Speakers {
		if s.Name != "" {
			t.Errorf("A and B: the %s is named %q", s.Role, s.Name)
		}
	}
}

// TestReadLabelledThousands checks a labelled transcript of 20,002 names,
// each labelling one line (no name labels two, so none is taken for a
// stray): every label is a voice, both roles are given, and no name, as
// each role is shared. The voices are counted in a map: a search of the
// list of voices for every sentence took 15 s for 60,000 of them.
func TestReadLabelledThousands(t *testing.T) {
	var b strings.Builder
	b.WriteString("Ana: Hello there, how are you?\nBo: Fine, thanks. And you?\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "N%d: word number %d here.\n", i, i)
	}
	tr := parseAs(t, transcript.Labelled, b.String())
	roles := map[speaker.Role]bool{}
	for _, tu := range tr.Turns {
		roles[tu.Role] = true
	}
	if !roles[speaker.Interviewer] || !roles[speaker.Guest] {
		t.Errorf("roles given: %v, want both", roles)
	}
	for _, s := range tr.Speakers {
		if s.Name != "" {
			t.Errorf("the %s is named %q", s.Role, s.Name)
		}
	}
}

// labelledTimes is one interview written with the labels with times that
// transcript exports write, a shape a file.
var labelledTimes = []struct{ name, src string }{
	{"header", "Ana Lima  0:00\nWelcome to the show. Who are you?\n\nBo Chen  0:05\nI am Bo. I build boats.\n\n" +
		"Ana Lima  0:09\nWhy boats?\n\nBo Chen  0:12\nBecause the sea is wide.\n"},
	{"header, tab, CRLF", "Ana Lima\t0:00\r\nWelcome to the show. Who are you?\r\nBo Chen 0:05\r\nI am Bo. I build boats.\r\n" +
		"Ana Lima 0:09\r\nWhy boats?\r\nBo Chen 0:12\r\nBecause the sea is wide.\r\n"},
	{"bracketed header", "Ana Lima (00:00):\nWelcome to the show. Who are you?\n\nBo Chen (00:05):\nI am Bo. I build boats.\n\n" +
		"Ana Lima (00:09):\nWhy boats?\n\nBo Chen (00:12):\nBecause the sea is wide.\n"},
	{"bracketed", "Ana Lima (00:00:00): Welcome to the show. Who are you?\nBo Chen (00:05): I am Bo. I build boats.\n" +
		"Ana Lima [0:09]: Why boats?\nBo Chen (00:00:12):\nBecause the sea is wide.\n"},
	{"time first", "[00:00:00] Ana Lima: Welcome to the show. Who are you?\n00:05 Bo Chen: I am Bo. I build boats.\n" +
		"(00:09) Ana Lima: Why boats?\n[00:12] Bo Chen: Because the sea is wide.\n"},
	{"time after the name", "Ana Lima 0:00: Welcome to the show. Who are you?\nBo Chen 00:05: I am Bo. I build boats.\n" +
		"Ana Lima 0:09: Why boats?\nBo Chen 0:12: Because the sea is wide.\n"},
}

// TestReadLabelledTimes checks that labels with times give the turns with
// the times of their labels, the last for as long as its words take at
// WordsPerMinute; that the labels and their times are markup; and the
// rules for a transcript that gives some times and not others, and for a
// label with no text.
func TestReadLabelledTimes(t *testing.T) {
	timed := []roundTurn{
		{"interviewer", "Ana Lima", "Welcome to the show. Who are you?", 0, 5},
		{"guest", "Bo Chen", "I am Bo. I build boats.", 5, 9},
		{"interviewer", "Ana Lima", "Why boats?", 9, 12},
		{"guest", "Bo Chen", "Because the sea is wide.", 12, 12 + 5*60.0/transcript.WordsPerMinute},
	}
	type test struct {
		name, src string
		timed     bool
		want      []roundTurn
		reason    string
	}
	var tests []test
	for _, s := range labelledTimes {
		tests = append(tests, test{s.name, s.src, true, timed, "every label gives a time"})
	}
	untimed := slices.Clone(timed)
	for i := range untimed {
		untimed[i].Start, untimed[i].Stop = 0, 0
	}
	tests = append(tests,
		test{"some times", "Ana Lima (0:00): Welcome to the show. Who are you?\nBo Chen: I am Bo. I build boats.\n" +
			"Ana Lima (0:09): Why boats?\nBo Chen (0:12): Because the sea is wide.\n", false, untimed,
			"a label without a time: no times, the times given are markup"},
		test{"a header with no text", "Ana Lima  0:00\nWelcome to the show. Who are you?\nBo Chen  0:05\n\n" +
			"Ana Lima  0:09\nWhy boats?\nBo Chen  0:12\nBecause the sea is wide.\n", true, []roundTurn{
			{"interviewer", "Ana Lima", "Welcome to the show. Who are you? Why boats?", 0, 12},
			timed[3],
		}, "Bo's label with no text gives no turn; Ana's paragraphs run on, the first to Bo's time"},
	)
	for _, tt := range tests {
		for _, f := range []transcript.Format{transcript.Labelled, transcript.Auto} {
			t.Run(tt.name+"/"+f.String(), func(t *testing.T) {
				tr := parseAs(t, f, tt.src)
				if tr.Timed != tt.timed {
					t.Errorf("Timed = %v, want %v (%s)", tr.Timed, tt.timed, tt.reason)
				}
				if diff := cmp.Diff(tt.want, roundTurns(tr)); diff != "" {
					t.Errorf("turns mismatch (-want +got):\n%s\n%s", diff, tt.reason)
				}
				// The markup is the four labels (two may share a span), with
				// their times and none of the speech.
				src := tr.Source()
				var markup []string
				for _, n := range tr.Noise {
					for l := range strings.Lines(string(src[n.Start:n.End])) {
						if l = strings.TrimSpace(l); n.Kind == transcript.Markup && l != "" {
							markup = append(markup, l)
						}
					}
				}
				if len(markup) != 4 {
					t.Errorf("markup %q, want the four labels", markup)
				}
				for _, m := range markup {
					if strings.ContainsAny(m, ".?") || !strings.Contains(m, "0:") && !strings.HasSuffix(m, ":") {
						t.Errorf("markup %q is not a label", m)
					}
				}
			})
		}
	}
}

// readBack writes tr with write, checks that Detect takes the output for
// a labelled transcript, and parses it back.
func readBack(t *testing.T, tr *transcript.Transcript, write func(*transcript.Transcript, io.Writer) error) (string, *transcript.Transcript) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(tr, &buf); err != nil {
		t.Fatal(err)
	}
	if f := transcript.Detect(buf.Bytes()); f != transcript.Labelled {
		t.Fatalf("Detect(output) = %v, want labelled", f)
	}
	return buf.String(), parseAs(t, transcript.Auto, buf.String())
}

// TestPodcastRoundTrip checks that the Podcasting 2.0 JSON output reads
// back, detected as Whisper JSON (it has the same shape), to the same
// turns, names and times.
func TestPodcastRoundTrip(t *testing.T) {
	tr := parseAs(t, transcript.WebVTT, smallVTT)
	var buf bytes.Buffer
	if err := tr.WritePodcast(&buf); err != nil {
		t.Fatal(err)
	}
	if f := transcript.Detect(buf.Bytes()); f != transcript.Whisper {
		t.Fatalf("Detect(podcast output) = %v, want whisper", f)
	}
	back := parseAs(t, transcript.Auto, buf.String())
	if diff := cmp.Diff(roundTurns(tr), roundTurns(back)); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestTextRoundTrip checks that the text output of a flat transcript
// reads back, detected as labelled, to the same turns: roles, names and
// words.
func TestTextRoundTrip(t *testing.T) {
	tr, err := transcript.Parse(interview(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	_, back := readBack(t, tr, (*transcript.Transcript).WriteText)
	if diff := cmp.Diff(roundTurns(tr), roundTurns(back)); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestTimedTextRoundTrip checks that the text output of a timed
// transcript, which writes each turn's start time before its label
// ("[00:00:03] Guest: "), reads back, detected as labelled, to the same
// turns and start times (to the second), and to the same text output.
func TestTimedTextRoundTrip(t *testing.T) {
	tr := parseAs(t, transcript.SRT, smallSRT)
	out, back := readBack(t, tr, (*transcript.Transcript).WriteText)
	if !back.Timed {
		t.Errorf("Timed = false")
	}
	want := roundTurns(tr)
	for i := range want {
		want[i].Start = math.Floor(want[i].Start)
	}
	// The stops are the next turn's start, and the last turn's words at
	// WordsPerMinute.
	if diff := cmp.Diff(want, roundTurns(back), cmpopts.IgnoreFields(roundTurn{}, "Stop")); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	again, _ := readBack(t, back, (*transcript.Transcript).WriteText)
	if diff := cmp.Diff(out, again); diff != "" {
		t.Errorf("text output read back and written again (-want +got):\n%s", diff)
	}
}

// TestMarkdownRoundTrip checks that the Markdown output reads back,
// detected as labelled ("**Maya Ortiz:** "), to the same turns, of a
// flat transcript and of a timed one (with the times to the second): the
// words are the same but for Markdown's backslash escapes, which stay.
func TestMarkdownRoundTrip(t *testing.T) {
	flat, err := transcript.Parse(interview(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	unescape := strings.NewReplacer(`\*`, "*", `\[`, "[", `\]`, "]", `\&`, "&", `\_`, "_", `\!`, "!", `\#`, "#")
	for _, tr := range []*transcript.Transcript{flat, parseAs(t, transcript.SRT, smallSRT)} {
		_, back := readBack(t, tr, (*transcript.Transcript).WriteMarkdown)
		if back.Timed != tr.Timed {
			t.Errorf("Timed = %v, want %v", back.Timed, tr.Timed)
		}
		want, got := roundTurns(tr), roundTurns(back)
		for i := range got {
			got[i].Words = unescape.Replace(got[i].Words)
			want[i].Start = math.Floor(want[i].Start)
		}
		if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(roundTurn{}, "Stop")); diff != "" {
			t.Errorf("round trip mismatch (-want +got):\n%s", diff)
		}
	}
}
