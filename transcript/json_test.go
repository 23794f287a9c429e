package transcript

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// stdJSON is what WriteJSON wrote when it used encoding/json.
func stdJSON(t *Transcript) ([]byte, error) {
	doc := struct {
		Version    int               `json:"version"`
		Confidence float64           `json:"confidence"`
		Speakers   []speaker.Speaker `json:"speakers"`
		Turns      []turn.Turn       `json:"turns"`
		Noise      []Noise           `json:"noise"`
		Questions  []Question        `json:"questions"`
		Teaser     *turn.Span        `json:"teaser,omitempty"`
	}{Version, t.Confidence, t.Speakers, t.Turns, t.Noise, t.Questions, nil}
	if t.Teaser != (turn.Span{}) {
		doc.Teaser = &t.Teaser
	}
	if doc.Turns == nil {
		doc.Turns = []turn.Turn{}
	}
	if doc.Noise == nil {
		doc.Noise = []Noise{}
	}
	if doc.Questions == nil {
		doc.Questions = []Question{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(doc)
	return b.Bytes(), err
}

// TestWriteJSONMatchesEncodingJSON checks the hand-written encoder against
// encoding/json, byte for byte, on the test inputs and on a transcript
// built to reach every escape and number form.
func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	var trs []*Transcript
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, "../examples/diarize/sample.txt")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, explain := range []bool{false, true} {
			p := Parser{Explain: explain}
			tr, err := p.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			trs = append(trs, tr)
		}
	}
	odd := "quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f nul \x00 \x1f del \x7f <&> é 日本 \u2028 \u2029 bad \xff\xfe end"
	trs = append(trs, &Transcript{
		Speakers: []speaker.Speaker{{ID: "S1", Role: speaker.Interviewer, Name: odd, Variants: []string{odd, "b"},
			Evidence: []speaker.Evidence{{Start: 1, End: 2, Kind: speaker.Vocative}}, NameConfidence: 0.25,
			Stats: &speaker.Stats{Words: 3, Share: 1e-7, Turns: 1, Questions: 2, MeanTurnWords: 1e21, LongestTurnWords: 3}},
			{ID: "S2", Role: speaker.Guest, Stats: &speaker.Stats{}}},
		Turns: []turn.Turn{
			{Index: 0, Speaker: odd, Role: speaker.Guest, Span: turn.Span{Start: 1, End: 2}, Text: odd, Confidence: 1e-7,
				Cues:      []turn.Cue{"question", turn.Cue(odd)},
				Sentences: []turn.Sentence{{Question: 0.8999999999999999}, {Question: 1e21}, {Question: -2.5e-9}, {Question: 123456789}}},
			{Index: 1, Role: speaker.Unknown, Cues: []turn.Cue{}, Sentences: []turn.Sentence{}, Teaser: true},
			{Index: 2, Cues: []turn.Cue{}, Explanation: &turn.Explanation{Switch: -1e-7, Margin: 1e21, Sentences: []turn.SentenceScore{
				{Span: turn.Span{Start: 1, End: 2}, Score: -0.30000000000000004, Posterior: 1, Question: 2.5e-9, Cues: []turn.Cue{turn.Cue(odd), "first-person"}},
				{Cues: []turn.Cue{}}, {}}}},
			{Index: 3, Cues: []turn.Cue{}, Explanation: &turn.Explanation{}},
			{Index: 4, Cues: []turn.Cue{}, Explanation: &turn.Explanation{Sentences: []turn.SentenceScore{}}},
		},
		Teaser:     turn.Span{Start: 1, End: 5},
		Noise:      []Noise{{Span: turn.Span{Start: 3, End: 9}, Kind: NoiseKind(odd)}},
		Questions:  []Question{{Span: turn.Span{Start: 1, End: 2}, Text: odd}, {}},
		Confidence: 0.30000000000000004,
	}, &Transcript{}, &Transcript{Speakers: []speaker.Speaker{}})
	for i, tr := range trs {
		want, err := stdJSON(tr)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := tr.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), got.String()); diff != "" {
			t.Errorf("transcript %d: WriteJSON differs from encoding/json (-want +got):\n%s", i, diff)
		}
	}
}

// TestWriteJSONNilCues checks that a turn's nil Cues are written as [],
// the one place where WriteJSON departs from encoding/json.
func TestWriteJSONNilCues(t *testing.T) {
	tr := &Transcript{Turns: []turn.Turn{{Sentences: []turn.Sentence{}}}}
	var b bytes.Buffer
	if err := tr.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"cues": [],`)) {
		t.Errorf("WriteJSON wrote nil cues as:\n%s\nwant []", b.Bytes())
	}
}

// TestWriteJSONErrors checks that values JSON cannot hold are reported as
// encoding/json reports them, and that nothing is written.
func TestWriteJSONErrors(t *testing.T) {
	for _, tr := range []*Transcript{
		{Turns: []turn.Turn{{Confidence: math.NaN()}}},
		{Confidence: math.Inf(-1)},
		{Turns: []turn.Turn{{Sentences: []turn.Sentence{{Question: math.Inf(1)}}}}},
		{Turns: []turn.Turn{{Explanation: &turn.Explanation{Margin: math.Inf(1)}}}},
		{Turns: []turn.Turn{{Explanation: &turn.Explanation{Sentences: []turn.SentenceScore{{Posterior: math.NaN()}}}}}},
	} {
		var b bytes.Buffer
		err := tr.WriteJSON(&b)
		var ue *json.UnsupportedValueError
		if !errors.As(err, &ue) {
			t.Errorf("WriteJSON error = %v, want a *json.UnsupportedValueError", err)
		}
		if b.Len() != 0 {
			t.Errorf("WriteJSON wrote %q before failing", b.Bytes())
		}
	}
	tr := &Transcript{Turns: []turn.Turn{{Role: speaker.Role(9)}}}
	if err := tr.WriteJSON(new(bytes.Buffer)); err == nil {
		t.Errorf("WriteJSON of an invalid role: no error")
	}
}
