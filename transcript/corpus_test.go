package transcript_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/transcript/score"
)

// Floors of the dev corpus scores. They are regression guards, set 0.02
// to 0.04 under the scores measured (rounded down), while the parser is
// being improved: raise them as accuracy improves, so that a change that
// loses accuracy fails here. The seed is one file and moves by a few
// points with the training data (a model trained on half the training
// episodes scored 0.924 on it, the full one 0.889 before the frequent-word
// adaptation features), so its floors keep a wider margin.
const (
	floorSeedAcc    = 0.91 // measured 0.941 (0.937 before the adaptation's frequent-bucket test was made exact)
	floorSeedBF1At3 = 0.71 // measured 0.756 (0.749 before)
	floorFlatAcc    = 0.90 // mean over the flat files, seed left out; measured 0.921 (0.922 before)
	floorASRAcc     = 0.86 // mean over the asr files; measured 0.887 (0.876 before them)
	floorLowerAcc   = 0.89 // mean over the flat files lowercased; measured 0.920 (0.655 when they were one unit)
	// mean over the flat files with full stops for question marks;
	// measured 0.921 (0.889 before the question-end model read them)
	floorNoQuestionAcc = 0.90

	// The transcripts' confidence against their word accuracy, per
	// variant (the seed with the flat files). Measured: flat mean 0.890
	// against 0.923, correlation 0.70; asr 0.852 against 0.887, 0.88.
	confidenceSlack     = 0.06
	floorConfidenceCorr = 0.5
)

// corpusDir returns the directory of the gold dev corpus: $DIARIZE_CORPUS,
// or ../shared/corpus/dev next to the module root (the directory holding
// go.mod).
func corpusDir(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv("DIARIZE_CORPUS"); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "corpus", "dev")
		} else if !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// goldFiles returns the *.json files of dir, skipping the test if there
// are none.
func goldFiles(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no gold corpus in %s: set DIARIZE_CORPUS to a directory of gold *.json files", dir)
	}
	return files
}

// TestCorpus scores the parser on the gold corpus and fails when the
// scores fall below the floors. Run with -v to see the table.
func TestCorpus(t *testing.T) {
	var table score.Table
	// Each file's confidence and word accuracy, by variant.
	conf, acc := map[string][]float64{}, map[string][]float64{}
	for _, file := range goldFiles(t, corpusDir(t)) {
		g, err := score.Load(file)
		if err != nil {
			t.Error(err)
			continue
		}
		tr, err := transcript.Parse([]byte(g.Text))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		r := score.Score(g, score.FromTranscript(tr))
		table.Add(g, r)
		conf[g.Variant] = append(conf[g.Variant], tr.Confidence)
		acc[g.Variant] = append(acc[g.Variant], r.Acc)
	}
	t.Logf("scores (see the corpus README for the metrics):\n%s", &table)

	floor := func(what string, got, min float64) {
		t.Helper()
		if got < min {
			t.Errorf("%s = %.3f, below the floor %.3f", what, got, min)
		}
	}
	if r, ok := table.Seed(); ok {
		floor("seed acc", r.Acc, floorSeedAcc)
		floor("seed bF1@3", r.B3.F1, floorSeedBF1At3)
	} else {
		t.Errorf("no %s file in the corpus", score.SeedID)
	}
	for _, v := range []struct {
		variant string
		min     float64
	}{{"flat", floorFlatAcc}, {"asr", floorASRAcc}} {
		if m, ok := table.Mean(v.variant); ok {
			floor("mean "+v.variant+" acc", m.Acc, v.min)
		} else {
			t.Errorf("no %s files in the corpus", v.variant)
		}
	}
	// The transcript's confidence estimates its word accuracy: on
	// average within confidenceSlack of it, and higher where it is
	// higher.
	for _, v := range []string{"flat", "asr"} {
		c, a := conf[v], acc[v]
		if len(c) < 3 {
			continue
		}
		mc, ma := mean(c), mean(a)
		r := correlation(c, a)
		t.Logf("%s: mean confidence %.3f, mean acc %.3f, correlation %.2f", v, mc, ma, r)
		if math.Abs(mc-ma) > confidenceSlack {
			t.Errorf("%s: mean confidence %.3f is more than %.2f from the mean acc %.3f", v, mc, confidenceSlack, ma)
		}
		floor(v+" correlation of confidence and acc", r, floorConfidenceCorr)
	}
}

// TestCorpusRewritten scores the punctuated files as some recognizers
// write them: lowercased, their punctuation kept (the sentences still end
// at their stops, though none opens with a capital), and with full stops
// for question marks (a recognizer that writes none). Each rewriting
// keeps every byte offset. It fails when the mean word accuracy of either
// falls below its floor.
func TestCorpusRewritten(t *testing.T) {
	var golds []*score.Gold
	for _, file := range goldFiles(t, corpusDir(t)) {
		g, err := score.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		if g.Variant == "flat" {
			golds = append(golds, g)
		}
	}
	if len(golds) == 0 {
		t.Skip("no flat files in the corpus")
	}
	for _, v := range []struct {
		name    string
		rewrite func(string) string
		floor   float64
	}{
		{"lowercased", strings.ToLower, floorLowerAcc},
		{"no question marks", func(s string) string { return strings.ReplaceAll(s, "?", ".") }, floorNoQuestionAcc},
	} {
		t.Run(v.name, func(t *testing.T) {
			var table score.Table
			for _, g := range golds {
				text := v.rewrite(g.Text)
				if len(text) != len(g.Text) {
					continue // the offsets must stay where they are
				}
				rg := *g
				rg.Text = text
				tr, err := transcript.Parse([]byte(text))
				if err != nil {
					t.Fatalf("%s: %v", g.ID, err)
				}
				table.Add(&rg, score.Score(&rg, score.FromTranscript(tr)))
			}
			t.Logf("scores, %s:\n%s", v.name, &table)
			if m, ok := table.Mean("flat"); !ok || m.Acc < v.floor {
				t.Errorf("mean acc of the flat files %s = %.3f, below the floor %.3f", v.name, m.Acc, v.floor)
			}
		})
	}
}

func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// correlation returns Pearson's correlation of x and y, 0 when either is
// constant.
func correlation(x, y []float64) float64 {
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}
