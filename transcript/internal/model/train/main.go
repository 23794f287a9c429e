// Command train fits the speaker model on gold-labelled interviews and
// writes the weights embedded by package model.
//
// Usage (from transcript/internal/model, as go generate runs it):
//
//	go run ./train -corpus ../../../../shared/corpus/train
//
// The corpus is a directory of gold JSON files (see the corpus README). Only
// the training corpus may be used: the dev corpus measures the result.
// Training is deterministic, so the same corpus gives the same bytes.
//
// With -reuse DIR the first-pass models (the one embedded and the two
// trained on halves of the corpus for the adaptation weights) are kept in
// DIR, keyed by the corpus and the flags, and read back by the next run:
// an experiment on the adaptation features or the switch costs then takes
// a minute instead of five. The key does not know the feature code, so a
// change of the first-pass features needs a fresh DIR.
package main

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript/internal/model"
	"github.com/textdiarize/diarize/transcript/internal/noise"
	"github.com/textdiarize/diarize/transcript/internal/unit"
	"github.com/textdiarize/diarize/turn"
)

type gold struct {
	ID      string `json:"id"`
	Variant string `json:"variant"`
	Text    string `json:"text"`
	Turns   []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Role  string `json:"role"`
	} `json:"turns"`
}

func main() {
	var (
		corpus = flag.String("corpus", "../../../../shared/corpus/train", "directory of gold training files")
		out    = flag.String("o", "weights.bin", "weights file to write")
		prov   = flag.String("provenance", "provenance.go", "Go file recording what the weights were trained on")
		iters  = flag.Int("iter", 100, "training iterations")
		biters = flag.Int("biter", 100, "boundary model training iterations")
		bl2    = flag.Float64("bl2", 1e-5, "boundary model L2 penalty")
		bprune = flag.Float64("bprune", 0.05, "zero boundary weights smaller than this")
		qprune = flag.Float64("qprune", 0.05, "zero question-end weights smaller than this")
		rate   = flag.Float64("rate", 0.05, "Adam step size")
		// The penalty is per weight, the loss a mean over all units: when
		// captions came to be cut into a third more units, 1.5e-4 became
		// 1.13e-4 to keep it as strong against the punctuated units.
		l2    = flag.Float64("l2", 1.13e-4, "L2 penalty")
		prune = flag.Float64("prune", 0.02, "zero weights smaller than this")
		// A softmax margin on changes of speaker (see model.TrainConfig),
		// for the first pass and the adaptation weights. Held-out, trained
		// on half of the training episodes and scored on the other half,
		// 1 against 0: punctuated acc / bF1@3 0.858 / 0.701 -> 0.859 /
		// 0.712, captions 0.837 / 0.590 -> 0.841 / 0.601; trained on
		// three shows and scored on the other three, 0.870 / 0.701 ->
		// 0.872 / 0.705 and 0.851 / 0.593 -> 0.855 / 0.600.
		margin = flag.Float64("margin", 1, "softmax margin on each unit where a path changes speaker and the gold roles do not, or the other way round")
		asr    = flag.Bool("asr", true, "train on the asr variant files too")
		quiet  = flag.Bool("q", false, "do not log progress")
		reuse  = flag.String("reuse", "", "directory keeping the first-pass models between runs, for experiments on the adaptation and switch costs only (the features must not have changed)")
	)
	flag.Parse()
	if strings.Contains(filepath.ToSlash(*corpus), "/dev") {
		fmt.Fprintln(os.Stderr, "train: refusing to train on a dev corpus")
		os.Exit(2)
	}
	files, err := filepath.Glob(filepath.Join(*corpus, "*.json"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "train: no gold files in %s\n", *corpus)
		os.Exit(1)
	}
	sort.Strings(files)
	sum := sha256.New()
	var exs []model.Example
	var bexs []model.BoundaryExample
	units := 0
	ids := map[string]int{}
	var fold []int
	// The boundary model comes first: the units of unpunctuated files
	// depend on it.
	for _, f := range files {
		if !strings.HasSuffix(f, ".asr.json") {
			continue
		}
		a, err := load(f)
		if err != nil {
			fail(err)
		}
		p, err := load(strings.TrimSuffix(f, ".asr.json") + ".json")
		if err != nil {
			fail(err)
		}
		var starts []int
		for _, t := range a.Turns {
			starts = append(starts, t.Start)
		}
		bexs = append(bexs, model.BoundaryExampleFrom([]byte(a.Text), []byte(p.Text), starts))
	}
	bm := model.New()
	bcfg := model.TrainConfig{Iterations: *biters, Rate: 0.1, L2: *bl2, Prune: *bprune}
	if !*quiet {
		bcfg.Log = func(it int, loss float64) {
			if it%20 == 0 {
				fmt.Fprintf(os.Stderr, "boundary iter %d loss %.5f\n", it, loss)
			}
		}
	}
	model.TrainBoundaries(bm, bexs, bcfg)
	qcfg := bcfg
	qcfg.Prune = *qprune
	if !*quiet {
		qcfg.Log = func(it int, loss float64) {
			if it%20 == 0 {
				fmt.Fprintf(os.Stderr, "question-end iter %d loss %.5f\n", it, loss)
			}
		}
	}
	model.TrainQuestions(bm, bexs, qcfg)
	model.SetDefault(bm)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		var g gold
		if err := json.Unmarshal(b, &g); err != nil {
			fmt.Fprintf(os.Stderr, "train: %s: %v\n", f, err)
			os.Exit(1)
		}
		if g.Variant == "asr" && !*asr {
			continue
		}
		sum.Write(b)
		id := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(f), ".json"), ".asr")
		if _, ok := ids[id]; !ok {
			ids[id] = len(ids) % 2
		}
		fold = append(fold, ids[id])
		ex := example(&g)
		units += ex.Seq.Len()
		exs = append(exs, ex)
	}
	cfg := model.TrainConfig{Iterations: *iters, Rate: *rate, L2: *l2, Prune: *prune, ChangeMargin: *margin}
	if !*quiet {
		cfg.Log = func(it int, loss float64) {
			if it%10 == 0 || it == 1 {
				fmt.Fprintf(os.Stderr, "iter %d loss %.5f\n", it, loss)
			}
		}
	}
	key := fmt.Sprintf("%x-%d-%g-%g-%g-%v-%d-%g-%g-%g", sum.Sum(nil)[:8], *iters, *rate, *l2, *prune, *asr, *biters, *bl2, *bprune, *qprune)
	if *margin != 0 {
		key += fmt.Sprintf("-m%g", *margin)
	}
	m := cached(*reuse, key+"-all", func() *model.Model { return model.Train(exs, cfg) })
	m.B, m.Q = bm.B, bm.Q
	m.Quantize()
	// Cross-fitted first passes for the adaptation weights: each half of
	// the files is scored by a model trained on the other half.
	// Both variants of one conversation go to the same half.
	var halves [2][]model.Example
	for i, ex := range exs {
		halves[fold[i]] = append(halves[fold[i]], ex)
	}
	quietCfg := cfg
	quietCfg.Log = nil
	cross := [2]*model.Model{
		cached(*reuse, key+"-half0", func() *model.Model { return model.Train(halves[1], quietCfg) }),
		cached(*reuse, key+"-half1", func() *model.Model { return model.Train(halves[0], quietCfg) }),
	}
	base := make([]*model.Model, len(exs))
	for i := range exs {
		base[i] = cross[fold[i]]
	}
	acfg := model.TrainConfig{Iterations: 300, Rate: 0.02, L2: 1e-4, ChangeMargin: *margin}
	if !*quiet {
		acfg.Log = func(it int, loss float64) {
			if it%50 == 0 {
				fmt.Fprintf(os.Stderr, "adapt iter %d loss %.5f\n", it, loss)
			}
		}
	}
	av := model.TrainAdapt(exs, base, acfg)
	scale, sw, csw, obj := model.ChooseSwitch(exs, base, av)
	if !*quiet {
		g := len(model.SwitchGrid)
		for k, f := range model.ScaleGrid {
			for a, cp := range model.SwitchGrid {
				for b, cc := range model.SwitchGrid {
					fmt.Fprintf(os.Stderr, "adaptation x%.1f, switch cost %5.2f, captions %5.2f: held-out objective %.4f\n", f, cp, cc, obj[(k*g+a)*g+b])
				}
			}
		}
	}
	for k := range av {
		av[k] *= scale
	}
	conf, closs := model.ChooseConfidenceScale(exs, base, av, sw, csw)
	if !*quiet {
		for k, f := range model.ConfidenceGrid {
			fmt.Fprintf(os.Stderr, "confidence scale %.2f: held-out log loss %.4f\n", f, closs[k])
		}
	}
	w := m.Marshal()
	if err := os.WriteFile(*out, w, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	nz := 0
	for _, x := range slices.Concat(m.W, m.B, m.Q) {
		if x != 0 {
			nz++
		}
	}
	src := fmt.Sprintf(`// Code generated by go run ./train; DO NOT EDIT.

package model

// Provenance records what the embedded weights were trained on and how to
// rebuild them.
const Provenance = %q

// adaptWeights are the learned weights of the adaptation features, times
// the factor chosen with the switch costs (see ChooseSwitch).
var adaptWeights = [NumAdapt]float64{%s}

// switchCost is subtracted from every change of speaker into a
// punctuated unit, captionSwitchCost from every change into an
// unpunctuated one; both chosen on held-out halves of the training set
// (see ChooseSwitch).
const (
	switchCost        = %s
	captionSwitchCost = %s
)

// confidenceScale multiplies every score before decoding, so that the
// posteriors are calibrated on held-out halves of the training set (see
// ChooseConfidenceScale).
const confidenceScale = %s
`, fmt.Sprintf("trained on %d gold files (%d units) of ../shared/corpus/train, sha256 %x; "+
		"iter=%d rate=%g l2=%g prune=%g margin=%g asr=%v; adaptation x%g; %d non-zero weights, %d bytes; "+
		"rebuild: cd transcript/internal/model && go generate",
		len(exs), units, sum.Sum(nil), *iters, *rate, *l2, *prune, *margin, *asr, scale, nz, len(w)), floats(av[:]), strconv.FormatFloat(sw, 'g', -1, 64), strconv.FormatFloat(csw, 'g', -1, 64), strconv.FormatFloat(conf, 'g', -1, 64))
	if err := os.WriteFile(*prov, []byte(src), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "train: %d files, %d units, %d weights, %d bytes\n", len(exs), units, nz, len(w))
}

// example cuts a gold conversation into units exactly as the parser does
// and labels each unit with the gold role at its first byte.
func example(g *gold) model.Example {
	src := []byte(g.Text)
	segs := unit.Split(src, noise.Find(src))
	roles := make([]speaker.Role, len(segs))
	j := 0
	for i, s := range segs {
		for j+1 < len(g.Turns) && g.Turns[j].End <= s.Start {
			j++
		}
		switch g.Turns[j].Role {
		case "interviewer":
			roles[i] = speaker.Interviewer
		default:
			roles[i] = speaker.Guest
		}
	}
	_ = turn.Span{}
	return model.Example{Seq: model.Extract(src, segs), Roles: roles}
}

// floats formats xs as Go float literals that read back exactly.
func floats(xs []float64) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	}
	return b.String()
}

// cached returns the model kept in dir under key, or trains one with
// train and keeps it there; with no dir it only trains.
func cached(dir, key string, train func() *model.Model) *model.Model {
	if dir == "" {
		return train()
	}
	path := filepath.Join(dir, key+".f32")
	if b, err := os.ReadFile(path); err == nil {
		m := model.New()
		if len(b) == 4*(len(m.W)+len(m.B)) {
			for _, t := range [][]float32{m.W, m.B} {
				for i := range t {
					t[i] = math.Float32frombits(binary.LittleEndian.Uint32(b))
					b = b[4:]
				}
			}
			return m
		}
	}
	m := train()
	b := make([]byte, 0, 4*(len(m.W)+len(m.B)))
	for _, t := range [][]float32{m.W, m.B} {
		for _, w := range t {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		fail(err)
	}
	return m
}

func load(path string) (*gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return &g, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "train:", err)
	os.Exit(1)
}
