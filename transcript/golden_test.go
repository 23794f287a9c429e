package transcript_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/transcript"
)

var update = flag.Bool("update", false, "update golden test files in testdata")

// TestGolden parses each testdata/NAME.txt and compares its JSON with
// testdata/NAME.json. Run
//
//	go test ./transcript -run Golden -update
//
// to rewrite the goldens after a change to the parser, and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt files")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := transcript.Parse(src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkInvariants(t, src, tr)
			var buf bytes.Buffer
			if err := tr.WriteJSON(&buf); err != nil {
				t.Fatalf("WriteJSON: %v", err)
			}
			got := buf.Bytes()
			golden := strings.TrimSuffix(file, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s\nIf the change is intended, run: go test ./transcript -run Golden -update", golden, diff)
			}
		})
	}
}

// jsonDoc mirrors JSON schema version 1, so the test reads the output the
// way a client in another language would.
type jsonDoc struct {
	Version    int     `json:"version"`
	Confidence float64 `json:"confidence"`
	Speakers   []struct {
		ID       string   `json:"id"`
		Role     string   `json:"role"`
		Name     string   `json:"name"`
		Variants []string `json:"variants"`
		Evidence []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Kind  string `json:"kind"`
		} `json:"evidence"`
		NameConfidence float64 `json:"name_confidence"`
		Stats          struct {
			Words            int     `json:"words"`
			Share            float64 `json:"share"`
			Turns            int     `json:"turns"`
			Questions        int     `json:"questions"`
			MeanTurnWords    float64 `json:"mean_turn_words"`
			LongestTurnWords int     `json:"longest_turn_words"`
		} `json:"stats"`
	} `json:"speakers"`
	Turns []struct {
		Index      int      `json:"index"`
		Speaker    string   `json:"speaker"`
		Role       string   `json:"role"`
		Start      int      `json:"start"`
		End        int      `json:"end"`
		Teaser     bool     `json:"teaser"`
		Text       string   `json:"text"`
		Confidence float64  `json:"confidence"`
		Cues       []string `json:"cues"`
		Sentences  []struct {
			Start    int     `json:"start"`
			End      int     `json:"end"`
			Question float64 `json:"question"`
		} `json:"sentences"`
	} `json:"turns"`
	Noise []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Kind  string `json:"kind"`
	} `json:"noise"`
	Questions []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"questions"`
	Teaser *struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"teaser"`
}

// checkInvariants checks the documented invariants of a parse of src
// through its JSON: turns in order, disjoint and alternating; noise between
// or inside turns, and left out of their text; every non-space byte
// covered; offsets on rune boundaries.
func checkInvariants(t *testing.T, src []byte, tr *transcript.Transcript) {
	t.Helper()
	var buf bytes.Buffer
	if err := tr.WriteJSON(&buf); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	var doc jsonDoc
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("the JSON does not match schema version 1: %v", err)
	}
	if doc.Version != 1 {
		t.Errorf("version = %d, want 1", doc.Version)
	}
	roles := map[string]string{}
	for _, s := range doc.Speakers {
		roles[s.ID] = s.Role
	}
	boundary := func(off int) bool {
		return off == len(src) || (off >= 0 && off < len(src) && utf8.RuneStart(src[off]))
	}
	covered := make([]bool, len(src))
	end := 0
	for i, tu := range doc.Turns {
		if tu.Index != i {
			t.Errorf("turn %d: index = %d", i, tu.Index)
		}
		if tu.Start < end || tu.End <= tu.Start || tu.End > len(src) {
			t.Errorf("turn %d: [%d,%d) is empty, out of order or out of bounds (previous end %d)", i, tu.Start, tu.End, end)
			continue
		}
		if !boundary(tu.Start) || !boundary(tu.End) {
			t.Errorf("turn %d: [%d,%d) splits a rune", i, tu.Start, tu.End)
		}
		end = tu.End
		if r, ok := roles[tu.Speaker]; !ok || r != tu.Role {
			t.Errorf("turn %d: speaker %q has role %q in speakers, the turn says %q", i, tu.Speaker, r, tu.Role)
		}
		if i > 0 && tu.Speaker == doc.Turns[i-1].Speaker {
			t.Errorf("turns %d and %d have the same speaker %s", i-1, i, tu.Speaker)
		}
		if tu.Confidence < 0 || tu.Confidence > 1 {
			t.Errorf("turn %d: confidence %v outside [0, 1]", i, tu.Confidence)
		}
		for j, s := range tu.Sentences {
			if s.Start < tu.Start || s.End > tu.End || s.End <= s.Start {
				t.Errorf("turn %d sentence %d: [%d,%d) not inside the turn [%d,%d)", i, j, s.Start, s.End, tu.Start, tu.End)
			}
			if s.Question < 0 || s.Question > 1 {
				t.Errorf("turn %d sentence %d: question %v outside [0, 1]", i, j, s.Question)
			}
		}
		for k := tu.Start; k < tu.End; k++ {
			covered[k] = true
		}
		// Text is the turn's bytes with the noise inside it left out: the
		// words of the text are the words of the range, minus noise words.
		var want []string
		pos := tu.Start
		for _, n := range doc.Noise {
			if n.End <= tu.Start || n.Start >= tu.End {
				continue
			}
			want = append(want, strings.Fields(string(src[pos:max(pos, n.Start)]))...)
			pos = max(pos, n.End)
		}
		want = append(want, strings.Fields(string(src[pos:tu.End]))...)
		if diff := cmp.Diff(want, strings.Fields(tu.Text)); diff != "" {
			t.Errorf("turn %d: text is not its range without noise (-want +got):\n%s", i, diff)
		}
	}
	nend := 0
	for i, n := range doc.Noise {
		if n.Start < nend || n.End <= n.Start || n.End > len(src) {
			t.Errorf("noise %d: [%d,%d) is empty, out of order or out of bounds", i, n.Start, n.End)
			continue
		}
		nend = n.End
		if n.Kind == "" {
			t.Errorf("noise %d: no kind", i)
		}
		for _, tu := range doc.Turns {
			inside := tu.Start <= n.Start && n.End <= tu.End
			if !inside && n.Start < tu.End && tu.Start < n.End {
				t.Errorf("noise %d [%d,%d) straddles the edge of turn %d [%d,%d)", i, n.Start, n.End, tu.Index, tu.Start, tu.End)
			}
		}
		for k := n.Start; k < n.End; k++ {
			covered[k] = true
		}
	}
	for k, c := range src {
		if !covered[k] && !isSpace(c) {
			p := tr.Position(k)
			t.Errorf("byte %d (%s) %q is in no turn and no noise span", k, p, src[k:min(k+20, len(src))])
			break
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
