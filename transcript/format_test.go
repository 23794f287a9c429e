package transcript_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/transcript"
)

// renderers are the output formats, by the file suffix of their goldens.
var renderers = []struct {
	ext   string
	write func(*transcript.Transcript, *bytes.Buffer) error
}{
	{"json", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteJSON(b) }},
	{"jsonl", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteJSONL(b) }},
	{"vtt", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteWebVTT(b) }},
	{"srt", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteSRT(b) }},
	{"md", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteMarkdown(b) }},
	{"txt", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteText(b) }},
	{"podcast.json", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WritePodcast(b) }},
	{"html", func(t *transcript.Transcript, b *bytes.Buffer) error { return t.WriteHTML(b) }},
}

// formatInputs are the inputs of the format goldens: the timed files of
// testdata/formats and two flat texts.
func formatInputs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "formats", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".roles") {
			in = append(in, f)
		}
	}
	return append(in, filepath.Join("testdata", "two-questions.txt"), filepath.Join("testdata", "cold-open.txt"))
}

func parseFile(t *testing.T, file string) ([]byte, *transcript.Transcript) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p := transcript.Parser{Format: transcript.Auto}
	tr, err := p.Parse(src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkTimed(t, src, tr)
	return src, tr
}

// TestFormatGolden renders every input of [formatInputs] in every output
// format and compares with testdata/formats/golden/INPUT.FORMAT. Run
//
//	go test ./transcript -run FormatGolden -update
//
// to rewrite them, and review the diff.
func TestFormatGolden(t *testing.T) {
	for _, file := range formatInputs(t) {
		_, tr := parseFile(t, file)
		for _, r := range renderers {
			golden := filepath.Join("testdata", "formats", "golden", filepath.Base(file)+"."+r.ext)
			t.Run(filepath.Base(golden), func(t *testing.T) {
				var buf bytes.Buffer
				if err := r.write(tr, &buf); err != nil {
					t.Fatal(err)
				}
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), buf.String()); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
				}
				if strings.HasSuffix(r.ext, "json") || r.ext == "jsonl" {
					for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
						if r.ext == "jsonl" && !json.Valid(line) {
							t.Errorf("invalid JSON line %s", line)
						}
					}
					if r.ext != "jsonl" && !json.Valid(buf.Bytes()) {
						t.Errorf("invalid JSON")
					}
				}
			})
		}
	}
}

// A roundTurn is what a round trip must keep of a turn.
type roundTurn struct {
	Role        string
	Name        string
	Words       string
	Start, Stop float64
}

func roundTurns(tr *transcript.Transcript) []roundTurn {
	names := map[string]string{}
	for _, s := range tr.Speakers {
		names[s.ID] = s.Name
	}
	var out []roundTurn
	for _, tu := range tr.Turns {
		out = append(out, roundTurn{tu.Role.String(), names[tu.Speaker], strings.Join(strings.Fields(tu.Text), " "), tu.StartTime, tu.EndTime})
	}
	return out
}

// podcastTimes returns the turns' times as WritePodcast gives them: the
// input's, or synthesised.
func podcastTimes(t *testing.T, tr *transcript.Transcript) [][2]float64 {
	var buf bytes.Buffer
	if err := tr.WritePodcast(&buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Segments []struct{ StartTime, EndTime float64 }
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var out [][2]float64
	for _, s := range doc.Segments {
		out = append(out, [2]float64{s.StartTime, s.EndTime})
	}
	return out
}

// TestRoundTrip writes each input as WebVTT and as SRT, reads the result
// back, and expects the same turns: roles, speakers' names, words and
// times (to the millisecond).
func TestRoundTrip(t *testing.T) {
	for _, file := range formatInputs(t) {
		_, tr := parseFile(t, file)
		want := roundTurns(tr)
		times := podcastTimes(t, tr)
		for i := range want {
			want[i].Start, want[i].Stop = times[i][0], times[i][1]
			if want[i].Name == "" {
				// Written as "Interviewer"/"Guest", which read back as roles.
				want[i].Name = ""
			}
		}
		for _, r := range renderers[2:4] {
			t.Run(filepath.Base(file)+"."+r.ext, func(t *testing.T) {
				var buf bytes.Buffer
				if err := r.write(tr, &buf); err != nil {
					t.Fatal(err)
				}
				p := transcript.Parser{Format: transcript.Auto}
				back, err := p.Parse(buf.Bytes())
				if err != nil {
					t.Fatalf("reading back: %v\n%s", err, buf.String())
				}
				checkTimed(t, buf.Bytes(), back)
				got := roundTurns(back)
				if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 0.0015 })); diff != "" {
					t.Errorf("round trip mismatch (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// fuzzReader checks that reading src as f never panics, that a failure is
// an *Error inside the input, and that a success keeps the invariants.
func fuzzReader(t *testing.T, f transcript.Format, src []byte) {
	p := transcript.Parser{Format: f, MaxBytes: 1 << 16}
	tr, err := p.Parse(src)
	if err != nil {
		var e *transcript.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is not a *transcript.Error", err)
		}
		if e.Offset < 0 || e.Offset > len(src) || e.Line < 1 || e.Column < 1 {
			t.Fatalf("error position %d %d:%d outside the input", e.Offset, e.Line, e.Column)
		}
		return
	}
	checkTimed(t, src, tr)
	for _, r := range renderers {
		var buf bytes.Buffer
		if err := r.write(tr, &buf); err != nil {
			t.Fatalf("%s: %v", r.ext, err)
		}
	}
}

func seedFiles(f *testing.F, pattern string, extra ...string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "formats", pattern))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

func FuzzReadSRT(f *testing.F) {
	seedFiles(f, "*.srt", smallSRT, "1\n00:00:01,000 --> 00:00:02,000\nAna Lima: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nJo: Yes?\n")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzReader(t, transcript.SRT, src) })
}

func FuzzReadVTT(f *testing.F) {
	seedFiles(f, "*.vtt", smallVTT, youtubeVTT)
	f.Fuzz(func(t *testing.T, src []byte) { fuzzReader(t, transcript.WebVTT, src) })
}

func FuzzReadTimestamped(f *testing.F) {
	seedFiles(f, "*.txt", smallTimestamped, "0:00\nAna Lima: Hi.\n0:02\nJo: Yes?\n", "1:02:03\n\n 1:02:04 \nok\n99:59\n", smallInline, "[0:01] a\n(0:02)\tb\n 0:03 c\n0:04\n[0:02] d\n", "[00:00:00.000 --> 00:00:02.340] a\n[00:01.000-->00:00:05,000]\n[1:00.000 --> 0:59.000] c\n")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzReader(t, transcript.Timestamped, src) })
}

func FuzzReadLabelled(f *testing.F) {
	seedFiles(f, "*.txt", smallLabelled, "Ana Lima: Hi.\nJo: Yes?\n more\n\nAna Lima (aside): Bye.\n", "A: a\nB: b\nC: c\n",
		"Ana  0:00\nHi.\nJo  0:02\n\nAna  0:03\n", "Ana (0:05):\r\nHi.\r\nJo (0:04): Yes?\r\n", "[1:02:03] Ana: Hi.\nJo: Yes?\n00:07 Ana:\n",
		"Ana 0:01: a\nJo [0:02]: b\n(0:03) Ana (aside) (0:04): c\n", "**Ana:** a\n**Jo**: b\n[0:03] __Ana (0:03):__ c\n****: d\n**Jo:**\n", "[SPEAKER_00]: a\n[B]:\n[]: c\n[Jo]:d\n")
	for _, s := range labelledTimes {
		f.Add([]byte(s.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) { fuzzReader(t, transcript.Labelled, src) })
}

// FuzzReadAuto reads what Detect makes of any input: every format's
// examples are its seeds, so that a mutation can cross from one format's
// detection to another's.
func FuzzReadAuto(f *testing.F) {
	seedFiles(f, "*", smallSRT, smallVTT, smallWhisper, smallTimestamped, smallInline, smallLabelled,
		"[00:05] Ana: Hi.\n[00:06] Bo: Yes.\n[00:07] Cy: Bye.\n", "Ana Lima  0:00\nHi.\nBo  0:05\nYes.\nAna Lima  0:09\nWhy?\n")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzReader(t, transcript.Auto, src) })
}

func FuzzReadWhisper(f *testing.F) {
	seedFiles(f, "*.json", smallWhisper, `{"version":"1.0.0","segments":[{"speaker":"Ana","startTime":0,"endTime":1.5,"body":"Hi?"},{"startTime":1.5,"endTime":2,"body":"Yes."}]}`)
	f.Fuzz(func(t *testing.T, src []byte) { fuzzReader(t, transcript.Whisper, src) })
}
