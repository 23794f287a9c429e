package score_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/textdiarize/diarize/transcript/score"
	"github.com/textdiarize/diarize/turn"
)

// words returns n tokens "ab" joined by single spaces: token i holds bytes
// [3i, 3i+2).
func words(n int) string {
	return strings.TrimSuffix(strings.Repeat("ab ", n), " ")
}

// spans turns one letter per token of words(len(labels)) into spans: 'I'
// interviewer, 'G' guest, 'N' noise, '-' no span. Each run of a letter
// becomes one span from its first token's first byte to its last token's
// last byte.
func spans(labels string) []score.Span {
	name := map[byte]score.Label{'I': score.Interviewer, 'G': score.Guest, 'N': score.Noise}
	var out []score.Span
	for i := 0; i < len(labels); {
		j := i
		for j < len(labels) && labels[j] == labels[i] {
			j++
		}
		if l, ok := name[labels[i]]; ok {
			out = append(out, score.Span{Span: turn.Span{Start: 3 * i, End: 3*j - 1}, Label: l})
		}
		i = j
	}
	return out
}

// noise returns the spans of the runs of 'N' in labels.
func noise(labels string) []turn.Span {
	var out []turn.Span
	for _, s := range spans(labels) {
		if s.Label == score.Noise {
			out = append(out, s.Span)
		}
	}
	return out
}

func f(x float64) *float64 { return &x }

var all = score.Boundary{P: 1, R: 1, F1: 1}

func TestScore(t *testing.T) {
	tests := []struct {
		name   string
		text   string // words(len(gold)) when empty
		gold   []score.Span
		pred   score.Prediction
		want   score.Result
		reason string
	}{{
		name: "perfect",
		gold: spans("IIGGGI"),
		pred: score.Prediction{Turns: spans("IIGGGI")},
		want: score.Result{Tokens: 6, Correct: 6, Acc: 1, B0: all, B3: all, GoldTurns: 3, PredTurns: 3,
			IntP: 1, IntR: 1, GuestShare: 0.5},
	}, {
		name: "all guest",
		gold: spans("IIGGGII"),
		pred: score.Prediction{Turns: spans("GGGGGGG")},
		want: score.Result{Tokens: 7, Correct: 3, Acc: 3.0 / 7, GoldTurns: 3, PredTurns: 1, GuestShare: 3.0 / 7},
		reason: "gold changes at 2 and 5, none predicted: precision and recall 0; " +
			"no interviewer predicted: IntP 0",
	}, {
		name: "noise wins over a turn",
		gold: spans("IIINNNGGG"),
		pred: score.Prediction{Turns: spans("IIIIIGGGG"), Noise: noise("----NN---")},
		want: score.Result{Tokens: 6, Correct: 6, Acc: 1, B0: all, B3: all, GoldTurns: 2, PredTurns: 2,
			NoiseRecall: f(2.0 / 3), NoisePrecision: f(1), IntP: 1, IntR: 1, GuestShare: 0.5},
		reason: "tokens 4 and 5 lie in the noise span and in turns; noise wins. Gold noise tokens " +
			"3-5 are not speech, so the interviewer label of token 3 costs nothing but noise recall",
	}, {
		name: "noise on speech is a third party",
		gold: spans("IIIGGG"),
		pred: score.Prediction{Turns: spans("IIIGGG"), Noise: noise("-N----")},
		want: score.Result{Tokens: 6, Correct: 5, Acc: 5.0 / 6,
			B0: score.Boundary{P: 1.0 / 3, R: 1, F1: 0.5}, B3: score.Boundary{P: 1.0 / 3, R: 1, F1: 0.5},
			GoldTurns: 2, PredTurns: 4, NoisePrecision: f(0), IntP: 1, IntR: 2.0 / 3, GuestShare: 0.5},
		reason: "I N I G G G changes at 1, 2 and 3; only 3 is gold. No gold noise: recall undefined",
	}, {
		name: "uncovered tokens are none",
		gold: spans("IIGG"),
		pred: score.Prediction{Turns: spans("II--")},
		want: score.Result{Tokens: 4, Correct: 2, Acc: 0.5, B0: all, B3: all, GoldTurns: 2, PredTurns: 2,
			IntP: 1, IntR: 1, GuestShare: 0.5},
		reason: "the uncovered tokens are wrong but form a turn that starts where the gold one does",
	}, {
		name: "change one token late",
		gold: spans("IIIIGGGG"),
		pred: score.Prediction{Turns: spans("IIIIIGGG")},
		want: score.Result{Tokens: 8, Correct: 7, Acc: 7.0 / 8, B3: all, GoldTurns: 2, PredTurns: 2,
			IntP: 0.8, IntR: 1, GuestShare: 0.5},
		reason: "the change at 5 misses gold 4 at k = 0 and matches it at k = 3",
	}, {
		name: "a tie goes to the earlier change",
		gold: spans("IIIIIGGGGIII"),
		pred: score.Prediction{Turns: spans("IIIIGGIIIIII")},
		want: score.Result{Tokens: 12, Correct: 8, Acc: 8.0 / 12, B3: all, GoldTurns: 3, PredTurns: 3,
			IntP: 0.7, IntR: 7.0 / 8, GuestShare: 4.0 / 12},
		reason: "gold 5 is one token from both 4 and 6 and takes 4, which leaves 6 for gold 9 (3 away); " +
			"taking 6 would have left gold 9 unmatched",
	}, {
		name: "nearest, not first in reach",
		gold: spans("IIIIGGGGIIII"),
		pred: score.Prediction{Turns: spans("IGGGGIIIIIII")},
		want: score.Result{Tokens: 12, Correct: 6, Acc: 0.5,
			B3:        score.Boundary{P: 0.5, R: 0.5, F1: 0.5},
			GoldTurns: 3, PredTurns: 3, IntP: 5.0 / 8, IntR: 5.0 / 8, GuestShare: 4.0 / 12},
		reason: "gold 4 takes 5 (1 away) over 1 (3 away), so gold 8 finds nothing: greedy in gold " +
			"order, not the best matching",
	}, {
		name: "a token takes the label of its first byte",
		text: "hello world",
		gold: []score.Span{{Span: turn.Span{Start: 0, End: 11}, Label: score.Interviewer}},
		pred: score.Prediction{Turns: []score.Span{
			{Span: turn.Span{Start: 0, End: 3}, Label: score.Interviewer},
			{Span: turn.Span{Start: 3, End: 11}, Label: score.Guest},
		}},
		want: score.Result{Tokens: 2, Correct: 1, Acc: 0.5, GoldTurns: 1, PredTurns: 2, IntP: 1, IntR: 0.5},
		reason: "the guest span starts inside \"hello\", which stays the interviewer's; " +
			"one predicted change and no gold ones: all boundary scores 0",
	}, {
		name:   "no tokens",
		text:   " \t\n\v\f\r",
		want:   score.Result{B0: all, B3: all},
		reason: "no changes on either side score 1; accuracy divides by max(1, 0)",
	}, {
		name: "white space is ASCII only",
		text: "a\u00a0b\vc",
		gold: []score.Span{{Span: turn.Span{Start: 0, End: 7}, Label: score.Guest}},
		pred: score.Prediction{Turns: []score.Span{{Span: turn.Span{Start: 0, End: 7}, Label: score.Guest}}},
		want: score.Result{Tokens: 2, Correct: 2, Acc: 1, B0: all, B3: all, GoldTurns: 1, PredTurns: 1,
			GuestShare: 1},
		reason: "a no-break space is part of a token, a vertical tab separates two",
	}, {
		name: "overlapping turns: the earliest start wins",
		gold: spans("IIII"),
		pred: score.Prediction{Turns: []score.Span{
			{Span: turn.Span{Start: 3, End: 8}, Label: score.Interviewer},
			{Span: turn.Span{Start: 0, End: 11}, Label: score.Guest},
		}},
		want:   score.Result{Tokens: 4, Acc: 0, B0: all, B3: all, GoldTurns: 1, PredTurns: 1},
		reason: "score.py sorts spans by (start, end) and takes the first that holds the token",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.text
			if text == "" {
				n := 0
				if len(tt.gold) > 0 {
					n = (tt.gold[len(tt.gold)-1].End + 1) / 3
				}
				text = words(n)
			}
			g := &score.Gold{ID: "t", Variant: "flat", Text: text, Turns: tt.gold}
			got := score.Score(g, tt.pred)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("Score() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	got, err := score.Load(write("ok.json", `{"id": "x", "speakers": {"interviewer": "Ann", "guest": "Bo"},
		"text": "Hi Bo? Hello.", "turns": [{"start": 0, "end": 6, "role": "Host"}, {"start": 7, "end": 13, "role": "guest"}],
		"extra": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	want := &score.Gold{ID: "x", Variant: "flat", Speakers: score.Names{Interviewer: "Ann", Guest: "Bo"},
		Text: "Hi Bo? Hello.", Turns: []score.Span{
			{Span: turn.Span{Start: 0, End: 6}, Label: score.Interviewer},
			{Span: turn.Span{Start: 7, End: 13}, Label: score.Guest},
		}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load() mismatch (-want +got):\n%s", diff)
	}

	for name, s := range map[string]string{
		"syntax.json":  `{"id": `,
		"range.json":   `{"text": "abc", "turns": [{"start": 0, "end": 4, "role": "guest"}]}`,
		"inverse.json": `{"text": "abc", "turns": [{"start": 2, "end": 1, "role": "guest"}]}`,
		"role.json":    `{"text": "abc", "turns": [{"start": 0, "end": 3, "role": "moderator"}]}`,
	} {
		if _, err := score.Load(write(name, s)); err == nil {
			t.Errorf("Load(%s) succeeded, want an error", name)
		}
	}
	if _, err := score.Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("Load(missing.json) succeeded, want an error")
	}
}

func TestTable(t *testing.T) {
	var tb score.Table
	add := func(id, variant string, correct, tokens int, f0, f3 float64, noiseR *float64) {
		tb.Add(&score.Gold{ID: id, Variant: variant}, score.Result{
			Tokens: tokens, Correct: correct, Acc: float64(correct) / float64(tokens),
			B0: score.Boundary{F1: f0}, B3: score.Boundary{F1: f3}, GoldTurns: 4, PredTurns: 3, NoiseRecall: noiseR,
		})
	}
	add("a", "asr", 1, 4, 0, 0, nil)
	add("a", "flat", 3, 4, 0.5, 1, nil)
	add("seed", "flat", 9, 10, 0.25, 0.5, f(1))
	add("b", "flat", 10, 20, 0, 0.5, nil)

	m, ok := tb.Mean("flat")
	want := score.Mean{Variant: "flat", Files: 2, Acc: 0.625, BF1At0: 0.25, BF1At3: 0.75, Pooled: 13.0 / 24}
	if diff := cmp.Diff(want, m, cmpopts.EquateApprox(0, 1e-12)); !ok || diff != "" {
		t.Errorf("Mean(flat) = _, %v; mismatch (-want +got):\n%s", ok, diff)
	}
	if _, ok := tb.Mean("other"); ok {
		t.Error("Mean(other) reports files")
	}
	if got, want := tb.Pooled(), 23.0/38; got != want {
		t.Errorf("Pooled() = %v, want %v", got, want)
	}
	if diff := cmp.Diff([]string{"flat", "asr"}, tb.Variants()); diff != "" {
		t.Errorf("Variants() mismatch (-want +got):\n%s", diff)
	}

	wantText := `file        variant  acc    bF1@0  bF1@3  turns  noiseR
a           asr      0.250  0.000  0.000  3/4    -
a           flat     0.750  0.500  1.000  3/4    -
seed        flat     0.900  0.250  0.500  3/4    1.000
b           flat     0.500  0.000  0.500  3/4    -
mean (n=2)  flat     0.625  0.250  0.750           pooled acc 0.542
mean (n=1)  asr      0.250  0.000  0.000           pooled acc 0.250
seed        flat     0.900  0.250  0.500  3/4    1.000
all (n=4)                                          pooled acc 0.605
`
	if diff := cmp.Diff(wantText, tb.String()); diff != "" {
		t.Errorf("String() mismatch (-want +got):\n%s", diff)
	}
}
