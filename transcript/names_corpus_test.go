package transcript_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
)

// goldNames is the part of a gold corpus file that the name check reads.
type goldNames struct {
	Text     string            `json:"text"`
	Speakers map[string]string `json:"speakers"`
	Turns    []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Role  string `json:"role"`
	} `json:"turns"`
}

// namePresent reports whether the gold text addresses or introduces the
// party with role r by first name: in a turn of the other party, the
// name next to a comma or at the end of a sentence, or after "with",
// "welcome", "thanks", "thank you", "hi", "hey" or "is"; or in the
// party's own turn after "my name is" or "this is". The test is simpler
// than the parser's patterns and independent of them; it uses the gold
// turns.
func namePresent(g *goldNames, r speaker.Role, first string) bool {
	q := regexp.QuoteMeta(first)
	other := regexp.MustCompile(`(?i)(,\s*` + q + `\b|\b` + q + `\s*[,?!.]|\b(with|welcome|thanks|thank you|hi|hey|is)\s+` + q + `\b)`)
	self := regexp.MustCompile(`(?i)\b(my name is|this is)\s+` + q + `\b`)
	for _, t := range g.Turns {
		text := g.Text[t.Start:t.End]
		switch t.Role {
		case r.Other().String():
			if other.MatchString(text) {
				return true
			}
		case r.String():
			if self.MatchString(text) {
				return true
			}
		}
	}
	return false
}

// TestCorpusNames checks the names inferred on the dev corpus: on every
// file whose text addresses or introduces a party by first name (see
// namePresent), the inferred name for that role should start with the
// gold first name; a wrong name on any file fails the test, and so does
// finding the right name on fewer than 90% of the files where one is
// present. Run with -v for the table.
func TestCorpusNames(t *testing.T) {
	files := goldFiles(t, corpusDir(t))
	var present, right, empty int
	var table strings.Builder
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var g goldNames
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		tr, err := transcript.Parse([]byte(g.Text))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, s := range tr.Speakers {
			gold := speaker.FirstName(g.Speakers[s.Role.String()])
			got := speaker.FirstName(s.Name)
			has := gold != "" && namePresent(&g, s.Role, gold)
			verdict := "-"
			switch {
			case got == "" && has:
				verdict, empty = "EMPTY", empty+1
			case got == "":
			case !strings.EqualFold(got, gold):
				verdict = "WRONG"
				t.Errorf("%s: %s named %q (variants %q), gold %q", filepath.Base(file), s.Role, s.Name, s.Variants, g.Speakers[s.Role.String()])
			case has:
				verdict, right = "ok", right+1
			default:
				verdict = "ok (not counted)"
			}
			if has {
				present++
			}
			table.WriteString(strings.Join([]string{filepath.Base(file), s.Role.String(), gold, s.Name, strings.Join(s.Variants, "|"), verdict}, "\t") + "\n")
		}
	}
	t.Logf("file\trole\tgold\tinferred\tvariants\tverdict\n%s", &table)
	t.Logf("names present: %d; right: %d; empty: %d", present, right, empty)
	if present > 0 && float64(right) < 0.9*float64(present) {
		t.Errorf("right names on %d of %d parties whose name is present, want at least 90%%", right, present)
	}
}

// TestSeedNames checks the seed transcript: the guest is Dario, with the
// speech recognizer's "Daryu" merged as a variant.
func TestSeedNames(t *testing.T) {
	file := filepath.Join(corpusDir(t), "seed.json")
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		t.Skipf("no %s", file)
	} else if err != nil {
		t.Fatal(err)
	}
	var g goldNames
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	tr, err := transcript.Parse([]byte(g.Text))
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Speakers[1]
	if s.Role != speaker.Guest || speaker.FirstName(s.Name) != "Dario" {
		t.Fatalf("guest = %+v, want Dario", s)
	}
	found := false
	for _, v := range s.Variants {
		found = found || v == "Daryu"
	}
	if !found {
		t.Errorf("guest variants = %q, want Daryu among them", s.Variants)
	}
	for _, e := range s.Evidence {
		if n := g.Text[e.Start:e.End]; !speaker.Similar(speaker.FirstName(n), "Dario") {
			t.Errorf("evidence [%d,%d) holds %q, not a spelling of Dario", e.Start, e.End, n)
		}
	}
}
