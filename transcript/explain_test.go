package transcript_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/turn"
)

// explainInputs are flat texts and timed files to explain: the goldens'
// inputs, the sample interview and the timed test files.
func explainInputs(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	timed, err := filepath.Glob(filepath.Join("testdata", "formats", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(append(files, samplePath), timed...)
	in := map[string][]byte{
		"small.srt":     []byte(smallSRT),
		"small.vtt":     []byte(smallVTT),
		"small.whisper": []byte(smallWhisper),
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".roles") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in[filepath.Base(f)] = src
	}
	return in
}

func parseExplain(t *testing.T, src []byte, explain bool) *transcript.Transcript {
	t.Helper()
	p := transcript.Parser{Format: transcript.Auto, Explain: explain}
	tr, err := p.Parse(src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return tr
}

// render writes tr in the formats that show explanations.
func render(t *testing.T, tr *transcript.Transcript) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, write := range map[string]func(*transcript.Transcript, *bytes.Buffer) error{
		"json": func(tr *transcript.Transcript, b *bytes.Buffer) error { return tr.WriteJSON(b) },
		"txt":  func(tr *transcript.Transcript, b *bytes.Buffer) error { return tr.WriteText(b) },
		"md":   func(tr *transcript.Transcript, b *bytes.Buffer) error { return tr.WriteMarkdown(b) },
	} {
		var b bytes.Buffer
		if err := write(tr, &b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.String()
	}
	return out
}

// TestExplainOff checks that explaining changes nothing but the
// explanations: without them the output is byte for byte what a parser
// that does not explain writes, and that parser sets none.
func TestExplainOff(t *testing.T) {
	for name, src := range explainInputs(t) {
		t.Run(name, func(t *testing.T) {
			off := parseExplain(t, src, false)
			on := parseExplain(t, src, true)
			for i, tu := range off.Turns {
				if tu.Explanation != nil {
					t.Fatalf("turn %d has an explanation with Explain off", i)
				}
			}
			want := render(t, off)
			withExplain := render(t, on)
			for i := range on.Turns {
				if on.Turns[i].Explanation == nil {
					t.Fatalf("turn %d has no explanation with Explain on", i)
				}
				on.Turns[i].Explanation = nil
			}
			got := render(t, on)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("output with the explanations taken out differs from Explain off (-want +got):\n%s", diff)
			}
			if withExplain["json"] == want["json"] || !strings.Contains(withExplain["json"], `"explain": {`) {
				t.Errorf("the JSON with Explain on has no \"explain\" object")
			}
		})
	}
}

// TestExplainConsistent checks each explanation against its turn and the
// decoding: the explained sentences are the turn's, their posteriors
// probabilities that the turn's confidence averages, the first sentence's
// cues the turn's; on flat text, where the decoder's path gives the roles,
// every margin is at least 0.
func TestExplainConsistent(t *testing.T) {
	for name, src := range explainInputs(t) {
		t.Run(name, func(t *testing.T) {
			tr := parseExplain(t, src, true)
			// Read as flat text, not through a reader of subtitles or
			// labels, whose voices may decide the roles.
			flat := transcript.Detect(src) == transcript.Text
			if flat {
				checkTranscript(t, src, tr)
			} else {
				checkTimed(t, src, tr)
			}
			for i, tu := range tr.Turns {
				x := tu.Explanation
				if x == nil {
					t.Fatalf("turn %d: no explanation", i)
				}
				var want, got []turn.Sentence
				for _, s := range tu.Sentences {
					want = append(want, s)
				}
				var wsum, psum float64
				for j, s := range x.Sentences {
					got = append(got, turn.Sentence{Span: s.Span, Question: s.Question})
					if !(s.Posterior >= 0 && s.Posterior <= 1) {
						t.Errorf("turn %d sentence %d: posterior %v outside [0, 1]", i, j, s.Posterior)
					}
					if s.Cues == nil {
						t.Errorf("turn %d sentence %d: nil cues", i, j)
					}
					wsum += float64(s.Len())
					psum += float64(s.Len()) * s.Posterior
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("turn %d: the explained sentences are not the turn's (-want +got):\n%s", i, diff)
				}
				// In a timed file the spans are the file's, longer than the
				// speech the confidence weighs.
				if flat && wsum > 0 && math.Abs(psum/wsum-tu.Confidence) > 0.0015 {
					t.Errorf("turn %d: confidence %v, the posteriors average %v", i, tu.Confidence, psum/wsum)
				}
				if len(x.Sentences) > 0 {
					if diff := cmp.Diff(tu.Cues, x.Sentences[0].Cues); diff != "" {
						t.Errorf("turn %d: the turn's cues are not its first sentence's (-turn +sentence):\n%s", i, diff)
					}
				}
				if i == 0 && x.Switch != 0 {
					t.Errorf("turn 0: switch %v, want 0: no change of speaker starts it", x.Switch)
				}
				if flat && x.Margin < 0 && !recurred(tr.Turns, i) {
					t.Errorf("turn %d: margin %v < 0 on the decoder's path", i, x.Margin)
				}
			}
		})
	}
}

// TestExplainConversations checks explanations of small conversations
// where the reason for each turn is plain.
func TestExplainConversations(t *testing.T) {
	// summary is what the test reads of an explained turn.
	type summary struct {
		Role  speaker.Role
		Text  string
		Cues  []turn.Cue // of the turn's first sentence
		Firm  bool       // the margin is at least 1
		Asked bool       // some sentence scores as a question (at least 0.5)
	}
	tests := []struct {
		name   string
		in     string
		want   []summary
		reason string
	}{
		{
			name: "question and answer",
			in:   "Why kelp? Well, it grows fast. It shelters fish. It stores carbon.",
			want: []summary{
				{speaker.Interviewer, "Why kelp?", []turn.Cue{turn.CueQuestion, turn.CueInterrogative}, true, true},
				{speaker.Guest, "Well, it grows fast. It shelters fish. It stores carbon.", []turn.Cue{turn.CueAfterQuestion, turn.CueAnswerOpener}, true, false},
			},
			reason: "a question, then an answer that opens like one right after it: both starts are firm",
		},
		{
			name: "two questions",
			in: "How did you start diving? Yeah, so, honestly it was an accident. I grew up far from the ocean. " +
				"What changed? I took a field trip to Monterey and saw the kelp.",
			want: []summary{
				{speaker.Interviewer, "How did you start diving?", []turn.Cue{turn.CueQuestion, turn.CueInterrogative, turn.CueSecondPerson}, true, true},
				{speaker.Guest, "Yeah, so, honestly it was an accident. I grew up far from the ocean.", []turn.Cue{turn.CueAfterQuestion, turn.CueAnswerOpener}, true, false},
				{speaker.Interviewer, "What changed?", []turn.Cue{turn.CueQuestion, turn.CueInterrogative}, true, true},
				{speaker.Guest, "I took a field trip to Monterey and saw the kelp.", []turn.Cue{turn.CueAfterQuestion, turn.CueFirstPerson}, true, false},
			},
			reason: "each question and each answer starts a turn the decoder is sure of",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := parseExplain(t, []byte(tt.in), true)
			var got []summary
			for _, tu := range tr.Turns {
				x := tu.Explanation
				s := summary{Role: tu.Role, Text: tu.Text, Firm: x.Margin >= 1}
				if len(x.Sentences) > 0 {
					s.Cues = x.Sentences[0].Cues
				}
				for _, se := range x.Sentences {
					s.Asked = s.Asked || se.Question >= 0.5
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("explained turns mismatch (-want +got):\n%s\n%s", diff, tt.reason)
			}
		})
	}
}

// TestExplainVoices checks a subtitle file whose voices decide the turns
// against the text: the explanation says so with a negative margin, and
// its spans are offsets into the file.
func TestExplainVoices(t *testing.T) {
	src := "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>I grew up in Fresno, far from the sea.\n\n" +
		"00:02.000 --> 00:04.000\n<v Ana>I study kelp now.\n\n" +
		"00:04.000 --> 00:06.000\n<v Joe>So what do you study?\n"
	tr := parseExplain(t, []byte(src), true)
	checkTimed(t, []byte(src), tr)
	if len(tr.Turns) != 2 {
		t.Fatalf("%d turns, want 2 (one per voice)", len(tr.Turns))
	}
	x := tr.Turns[1].Explanation
	if x.Margin >= 0 {
		t.Errorf("turn 1: margin %v, want < 0: the voice starts the turn after \"I study kelp now.\", where the decoder would not", x.Margin)
	}
	var got []string
	for _, tu := range tr.Turns {
		for _, s := range tu.Explanation.Sentences {
			got = append(got, src[s.Start:s.End])
		}
	}
	want := []string{"I grew up in Fresno, far from the sea.", "I study kelp now.", "So what do you study?"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the explained sentences in the file (-want +got):\n%s", diff)
	}
}

// recurred reports whether turn i or the one before holds a sentence of a
// cold open that took its role from its later occurrence: the boundary
// between them is then not the decoder's, and its margin may be negative.
func recurred(turns []turn.Turn, i int) bool {
	for _, k := range []int{i - 1, i} {
		if k < 0 || turns[k].Explanation == nil {
			continue
		}
		for _, s := range turns[k].Explanation.Sentences {
			if slices.Contains(s.Cues, turn.CueRecurrence) {
				return true
			}
		}
	}
	return false
}
