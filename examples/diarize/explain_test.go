package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "update golden test files in testdata")

// TestExplainGolden runs -explain on the sample in the formats that show
// explanations and compares the output with testdata/sample.explain.FORMAT.
// Run
//
//	go test ./examples/diarize -run ExplainGolden -update
//
// to rewrite the goldens after a change to the parser, and review the diff.
func TestExplainGolden(t *testing.T) {
	for _, format := range []string{"txt", "md"} {
		t.Run(format, func(t *testing.T) {
			r := runCmd(t, "", "-sample", "-explain", "-format", format)
			if r.code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			golden := filepath.Join("testdata", "sample.explain."+format)
			if *update {
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), r.stdout); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s\nIf the change is intended, run: go test ./examples/diarize -run ExplainGolden -update", golden, diff)
			}
		})
	}
}

// TestExplainAdds checks that -explain only adds to the output: taking its
// lines out of the txt form, and its objects out of the JSON, gives the
// output without -explain.
func TestExplainAdds(t *testing.T) {
	plain := runCmd(t, interview, "-format", "txt")
	explained := runCmd(t, interview, "-explain", "-format", "txt")
	if plain.code != 0 || explained.code != 0 {
		t.Fatalf("exit %d and %d, stderr:\n%s%s", plain.code, explained.code, plain.stderr, explained.stderr)
	}
	var kept []string
	for _, line := range strings.SplitAfter(explained.stdout, "\n") {
		if !strings.HasPrefix(line, "  ") {
			kept = append(kept, line)
		}
	}
	if diff := cmp.Diff(plain.stdout, strings.Join(kept, "")); diff != "" {
		t.Errorf("txt without the explanation lines differs from the output without -explain (-want +got):\n%s", diff)
	}
	if !strings.Contains(explained.stdout, "\n  turn 1 guest [") {
		t.Errorf("no explanation of turn 1 in:\n%s", explained.stdout)
	}

	plainJSON := decode(t, runCmd(t, interview).stdout)
	explainedJSON := decode(t, runCmd(t, interview, "-explain").stdout)
	if diff := cmp.Diff(plainJSON, explainedJSON); diff != "" {
		t.Errorf("the JSON's turns differ with -explain (-without +with):\n%s", diff)
	}
}
