package segment

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goldenFloor is the least number of Golden Rules that must pass. It sits
// just under the current score so that a regression fails the test.
const goldenFloor = 50

// goldenFile is the path of the Golden Rules under the shared directory.
var goldenFile = filepath.Join("corpus", "golden_rules_en.json")

// goldenPath finds the Golden Rules: under $DIARIZE_SHARED if set,
// otherwise in the first shared/ directory found walking up from the
// package directory (the repository root's sibling ../shared). It returns
// "" and the places it looked if there is none.
func goldenPath() (string, []string) {
	if d := os.Getenv("DIARIZE_SHARED"); d != "" {
		p := filepath.Join(d, goldenFile)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		return "", []string{p}
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", nil
	}
	var tried []string
	for {
		p := filepath.Join(dir, "shared", goldenFile)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", tried
		}
		dir = parent
	}
}

// A goldenRule is one test of the English Golden Rules.
type goldenRule struct {
	Name     string   `json:"name"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
}

// collapse trims s and replaces each run of white space with one space,
// since the Golden Rules join lines that a rule keeps in one sentence.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// TestGoldenRules scores Split on the English Golden Rules of Pragmatic
// Segmenter (Kevin S. Dias, MIT License).
func TestGoldenRules(t *testing.T) {
	path, tried := goldenPath()
	if path == "" {
		t.Skipf("golden rules not found (set DIARIZE_SHARED to the shared directory); looked for %s", strings.Join(tried, ", "))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Rules []goldenRule `json:"rules"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(file.Rules) == 0 {
		t.Fatalf("%s: no rules", path)
	}
	passed := 0
	var failed []string
	for _, r := range file.Rules {
		src := []byte(r.Text)
		var got []string
		for _, s := range Split(src, nil) {
			got = append(got, collapse(string(src[s.Start:s.End])))
		}
		want := make([]string, len(r.Expected))
		for k, e := range r.Expected {
			want[k] = collapse(e)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			failed = append(failed, r.Name)
			t.Logf("%s: mismatch (-want +got):\n%s", r.Name, diff)
			continue
		}
		passed++
	}
	t.Logf("Golden Rules: %d/%d passed", passed, len(file.Rules))
	if len(failed) > 0 {
		t.Logf("failing: %s", strings.Join(failed, "; "))
	}
	if passed < goldenFloor {
		t.Errorf("Golden Rules: %d/%d passed, want at least %d", passed, len(file.Rules), goldenFloor)
	}
}
