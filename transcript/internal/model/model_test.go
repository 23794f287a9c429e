package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/textdiarize/diarize/turn"
)

func TestEmbeddedWeights(t *testing.T) {
	if loadErr != nil {
		t.Fatalf("embedded weights do not load: %v", loadErr)
	}
	nz := 0
	for _, w := range Default().W {
		if w != 0 {
			nz++
		}
	}
	if nz < 1000 {
		t.Fatalf("embedded model has %d non-zero weights; want a trained model", nz)
	}
	if len(weightsFile) > 1<<20 {
		t.Errorf("weights file is %d bytes; keep it under 1 MiB", len(weightsFile))
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	m := New()
	m.W[3] = 1.5
	m.W[1<<Bits-1] = -0.25
	m.B[7] = 2
	m.Q[1<<QuestionBits-1] = -3
	m.W[10] = Quantum / 4 // rounds to zero
	got, err := Unmarshal(m.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	m.Quantize()
	if !equal(got.W, m.W) || !equal(got.B, m.B) || !equal(got.Q, m.Q) {
		t.Fatal("weights changed in a round trip")
	}
	if !bytes.Equal(got.Marshal(), m.Marshal()) {
		t.Fatal("encoding is not stable")
	}
	if _, err := Unmarshal([]byte("nope")); err == nil {
		t.Fatal("bad magic accepted")
	}
}

func equal(a, b []float32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func TestLogRatio(t *testing.T) {
	worst := 0.0
	for i := 0; i < 200000; i++ {
		a := math.Exp(float64(i%4000)/100-20) * 1.0001
		b := 1 + float64(i%777)/13
		if d := math.Abs(logRatio(a, b) - math.Log(a/b)); d > worst {
			worst = d
		}
	}
	if worst > 1e-8 {
		t.Fatalf("logRatio is off math.Log by up to %g", worst)
	}
}

// TestAtLeastWords compares AtLeastWords with WordCount on random texts of
// every length around the prefixes it reads.
func TestAtLeastWords(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	parts := []string{"a", "bc", "don't", "x-y", " ", "  ", ".", "é", "日本", "\xff", "’s", "--", "9"}
	for trial := range 300 {
		var b []byte
		for len(b) < 3000+r.IntN(12000) {
			b = append(b, parts[r.IntN(len(parts))]...)
		}
		s := turn.Span{Start: r.IntN(50), End: len(b) - r.IntN(50)}
		n := WordCount(b, s)
		for _, k := range []int{0, 1, 60, n - 1, n, n + 1, n / 2} {
			if got, want := AtLeastWords(b, s, k), n >= k; got != want {
				t.Fatalf("trial %d: AtLeastWords(%d) = %v, but WordCount = %d", trial, k, got, n)
			}
		}
	}
}

// The builder's spelled-out hashes are mix64 and mix of the salted
// template and the values.
func TestSpelledOutMix(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 1000 {
		b := builder{salt: uint64(r.IntN(2)) * salt}
		tmpl, v, w, x, y := r.Uint64N(200), r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64()
		for k, got := range []uint64{b.h0(tmpl), b.h1(tmpl, v), b.h2(tmpl, v, w), b.h3(tmpl, v, w, x), b.h4(tmpl, v, w, x, y)} {
			if want := mix64(tmpl+b.salt, []uint64{v, w, x, y}[:k]...); got != want {
				t.Fatalf("h%d(%d, %x, %x, %x, %x) = %x, mix64 gives %x", k, tmpl, v, w, x, y, got, want)
			}
		}
		for k, got := range []uint32{b.m0(tmpl), b.m1(tmpl, v), b.m2(tmpl, v, w), b.m3(tmpl, v, w, x), b.m4(tmpl, v, w, x, y)} {
			if want := mix(tmpl+b.salt, []uint64{v, w, x, y}[:k]...); got != want {
				t.Fatalf("m%d(%d, %x, %x, %x, %x) = %x, mix gives %x", k, tmpl, v, w, x, y, got, want)
			}
		}
	}
}

// leaveOut's series agrees with the logarithm it replaces over the whole
// range of counts and posteriors.
func TestLeaveOut(t *testing.T) {
	for _, nI := range []float64{0, 0.5, 3, 250, 1e4, 3e6} {
		for _, nG := range []float64{0, 1, 7, 800, 2e5} {
			r := leaveOut(nI, nG)
			for _, p := range []float64{0, 1e-9, 0.25, 0.5, 0.999, 1} {
				want := math.Log((nG - (1 - p) + adaptMu) / (nI - p + adaptMu))
				if got := r.at(p); math.Abs(got-want) > 1e-14*max(1, math.Abs(want)) {
					t.Errorf("nI %g nG %g p %g: %.17g, want %.17g", nI, nG, p, got, want)
				}
			}
		}
	}
}

// wordsQ counts the words between a unit and the nearest questions on
// either side, the unit's own and the questions' own left out.
func TestWordsQ(t *testing.T) {
	src := []byte("Why? One two three. Four five. Six seven eight nine ten eleven? Twelve.")
	var units []turn.Span
	start := 0
	for i, c := range src {
		if c == '?' || c == '.' {
			units = append(units, turn.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	q := scanUnits(src, units)
	// Units: 0 "Why?" (1 word), 1 (3), 2 (2), 3 "Six ... eleven?" (6), 4 (1).
	want := []struct{ since, until int }{
		{-1, 5}, // no question before; units 1 and 2 (5 words) before unit 3
		{0, 2},  // right after unit 0; unit 2's 2 words before unit 3
		{3, 0},  // unit 1's 3 words since unit 0; unit 3 next
		{5, -1}, // units 1 and 2 since unit 0; no question after
		{0, -1}, // right after unit 3
	}
	for i, w := range want {
		since, until := q.wordsQ(i)
		if since != wordBucket(w.since) || until != wordBucket(w.until) {
			t.Errorf("unit %d: buckets (%d, %d), want those of (%d, %d): (%d, %d)",
				i, since, until, w.since, w.until, wordBucket(w.since), wordBucket(w.until))
		}
	}
	// The buckets keep the counts apart where they matter.
	for _, c := range []struct{ a, b int }{{-1, 0}, {0, 1}, {5, 6}, {15, 16}, {100, 101}, {250, 251}} {
		if wordBucket(c.a) == wordBucket(c.b) {
			t.Errorf("wordBucket(%d) == wordBucket(%d)", c.a, c.b)
		}
	}
}

// TestAdaptFrequent checks the adaptation features against sums worked out
// word by word: with hard posteriors (0 or 1) the interpolated ratios of
// frequent buckets are exact, so f[0] and f[1] must be the clipped sums of
// every word's and word pair's leave-one-out log ratio, and f[6] and f[7]
// the same sums over the frequent ones only.
func TestAdaptFrequent(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := []string{"you", "know", "we", "the", "model", "i", "think", "so",
		"kelp", "harbor", "ferry", "tide", "pier", "salt", "gull", "rope",
		"oar", "mast", "sail", "deck", "hull", "keel", "buoy", "wharf"}
	var src []byte
	var units []turn.Span
	for range 80 {
		start := len(src)
		n := 1 + rng.IntN(14)
		for k := range n {
			if k > 0 {
				src = append(src, ' ')
			}
			// Zipf-like: low indexes far more often.
			w := vocab[min(len(vocab)-1, int(float64(len(vocab))*rng.Float64()*rng.Float64()*rng.Float64()))]
			src = append(src, w...)
		}
		src = append(src, '.')
		units = append(units, turn.Span{Start: start, End: len(src)})
		src = append(src, ' ')
	}
	q := scanUnits(src, units)
	pI := make([]float64, q.Len())
	for i := range pI {
		pI[i] = float64(rng.IntN(2))
	}
	var sc adaptScratch
	got := adaptFeatures(q, pI, &sc)

	// Counts per bucket, and per speaker the words and word pairs. The
	// bigram buckets come after the unigram ones.
	msk := uint64(sc.size - 1)
	uni := func(ws []uint32, k int) uint32 { return uint32(uint64(ws[k]) & msk) }
	bi := func(ws []uint32, k int) uint32 { return uint32(sc.size) + uint32(bigram(ws[k-1], ws[k])&msk) }
	cI := map[uint32]float64{}
	cG := map[uint32]float64{}
	var nuI, nuG, nbI, nbG float64
	for i := range q.facts {
		p := pI[i]
		ws := q.words(i)
		for k := range ws {
			cI[uni(ws, k)] += p
			cG[uni(ws, k)] += 1 - p
			nuI, nuG = nuI+p, nuG+1-p
			if k > 0 {
				cI[bi(ws, k)] += p
				cG[bi(ws, k)] += 1 - p
				nbI, nbG = nbI+p, nbG+1-p
			}
		}
	}
	half := 0.5 * float64(sc.size)
	uD := adaptMu / (nuI + nuG - 1 + half)
	bD := adaptMu / (nbI + nbG - 1 + half)
	ratio := func(b uint32, p, D, nI, nG float64) (r float64, freq bool) {
		m := (cI[b] + cG[b] - 0.5) * D
		r = math.Log((cI[b]-p+m)/(cG[b]-(1-p)+m)) + math.Log((nG-(1-p)+adaptMu)/(nI-p+adaptMu))
		return r, math.Round(cI[b]+cG[b]) >= frequent
	}
	nfreq := 0
	for i := range q.facts {
		p := pI[i]
		ws := q.words(i)
		var u, b, uf, bf float64
		for k := range ws {
			r, f := ratio(uni(ws, k), p, uD, nuI, nuG)
			u += r
			if f {
				uf += r
				nfreq++
			}
			if k > 0 {
				r, f := ratio(bi(ws, k), p, bD, nbI, nbG)
				b += r
				if f {
					bf += r
				}
			}
		}
		want := [4]float64{clip(u/5, 4), clip(b/5, 4), clip(uf/5, 4), clip(bf/5, 4)}
		have := [4]float64{got[i][0], got[i][1], got[i][6], got[i][7]}
		for k := range want {
			if math.Abs(want[k]-have[k]) > 1e-5 {
				t.Errorf("unit %d %q: features 0, 1, 6, 7 = %.6f, want %.6f", i, src[units[i].Start:units[i].End], have, want)
				break
			}
		}
	}
	// The vocabulary has both kinds of bucket, so the test sees both.
	if nfreq == 0 || nfreq == q.nwords {
		t.Fatalf("%d of %d words frequent: the test needs both kinds", nfreq, q.nwords)
	}
}

// TestAdaptColdOpen checks that the units of a cold open are not counted
// by the adaptation: with them left out, the features of the
// conversation's units are those of the conversation without its cold
// open, and a clip's are worked out from the conversation's counts with
// nothing of its own left out; counted, the clips change them.
func TestAdaptColdOpen(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	vocab := []string{"you", "know", "we", "the", "model", "i", "think", "so",
		"kelp", "harbor", "ferry", "tide", "pier", "salt", "gull", "rope"}
	var body []string
	for range 40 {
		n := 1 + rng.IntN(10)
		ws := make([]string, n)
		for k := range ws {
			ws[k] = vocab[min(len(vocab)-1, int(float64(len(vocab))*rng.Float64()*rng.Float64()))]
		}
		body = append(body, strings.Join(ws, " ")+".")
	}
	// The cold open: four of the conversation's units, played first.
	opening := []string{body[30], body[7], body[22], body[12]}
	build := func(sents []string) (*Sequence, []turn.Span) {
		var src []byte
		var units []turn.Span
		for _, s := range sents {
			units = append(units, turn.Span{Start: len(src), End: len(src) + len(s)})
			src = append(append(src, s...), ' ')
		}
		return scanUnits(src, units), units
	}
	pI := make([]float64, len(opening)+len(body))
	for i := range pI {
		pI[i] = rng.Float64()
	}
	plain, _ := build(body)
	var scPlain adaptScratch
	want := adaptFeatures(plain, pI[len(opening):], &scPlain)

	withCold, _ := build(append(append([]string(nil), opening...), body...))
	counted := adaptFeatures(withCold, pI, nil)
	withCold.cold = len(opening)
	var sc adaptScratch
	got := adaptFeatures(withCold, pI, &sc)
	if sc.size != scPlain.size {
		t.Fatalf("tables of %d and %d buckets: the test needs the same", sc.size, scPlain.size)
	}
	// A clip has nothing of its own to leave out: each word's ratio is
	// that of the counts of the conversation, plus its speakers' share.
	msk := uint64(sc.size - 1)
	cI, cG := map[uint64]float64{}, map[uint64]float64{}
	var nuI, nuG, nbI, nbG float64
	for i := len(opening); i < withCold.Len(); i++ {
		p := float64(float32(pI[i]))
		ws := withCold.words(i)
		for k, w := range ws {
			cI[uint64(w)&msk] += p
			cG[uint64(w)&msk] += 1 - p
			nuI, nuG = nuI+p, nuG+1-p
			if k > 0 {
				b := uint64(sc.size) + bigram(ws[k-1], w)&msk
				cI[b] += p
				cG[b] += 1 - p
				nbI, nbG = nbI+p, nbG+1-p
			}
		}
	}
	half := 0.5 * float64(sc.size)
	uD, bD := adaptMu/(nuI+nuG-1+half), adaptMu/(nbI+nbG-1+half)
	ratio := func(k uint64, D, nI, nG float64) float64 {
		m := (cI[k] + cG[k] + 0.5) * D
		return math.Log((cI[k]+m)/(cG[k]+m)) + math.Log((nG+adaptMu)/(nI+adaptMu))
	}
	for i, s := range opening {
		ws := withCold.words(i)
		var u, b float64
		for k, w := range ws {
			u += ratio(uint64(w)&msk, uD, nuI, nuG)
			if k > 0 {
				b += ratio(uint64(sc.size)+bigram(ws[k-1], w)&msk, bD, nbI, nbG)
			}
		}
		want := [2]float64{clip(u/5, 4), clip(b/5, 4)}
		have := [2]float64{got[i][0], got[i][1]}
		if math.Abs(want[0]-have[0]) > 1e-5 || math.Abs(want[1]-have[1]) > 1e-5 {
			t.Errorf("cold open unit %d %q: features 0, 1 = %.6f, want %.6f", i, s, have, want)
		}
	}
	changed := false
	for i := range body {
		if d := cmp.Diff(want[i], got[len(opening)+i], cmpopts.EquateApprox(0, 1e-12)); d != "" {
			t.Errorf("unit %d %q: features with the cold open left out differ from those without it (-want +got):\n%s", i, body[i], d)
		}
		if counted[len(opening)+i] != want[i] {
			changed = true
		}
	}
	if !changed {
		t.Error("counting the cold open changed no unit's features: the test shows nothing")
	}
}

// TestGapScore checks that the boundary score the speaker features
// recompute at the start of each unit cut from unpunctuated text is the
// one the cut was made with, and that it clears the bar of a cut.
func TestGapScore(t *testing.T) {
	raw, err := os.ReadFile("../../../examples/diarize/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The sample as captions give it: lower case, no punctuation.
	var src []byte
	for _, c := range bytes.ToLower(raw) {
		switch {
		case c == '\'' || c == ' ' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			src = append(src, c)
		case c == '\n':
			src = append(src, ' ')
		}
	}
	all := turn.Span{End: len(src)}
	_, ws := scan(src, all, nil)
	cuts := Cuts(src, all, nil)
	if len(cuts) < 20 {
		t.Fatalf("%d cuts in %d words: too few to test", len(cuts), len(ws))
	}
	var units []turn.Span
	from := 0
	for _, c := range append(cuts, len(src)) {
		units = append(units, turn.Span{Start: from, End: c})
		from = c
	}
	q := scanUnits(src, units)
	B := Default().B
	checked, k := 0, -1 // k: the last word of unit i-1 in ws
	for i := 1; i < q.Len(); i++ {
		pr, s := q.unit(i-1), q.unit(i)
		k += len(pr.words)
		if len(pr.words) < 2 || len(s.words) < 2 || len(pr.words) >= MaxUnitWords {
			continue // other words around the gap, or a forced cut
		}
		var want float32
		for _, j := range boundaryFeatures(nil, ws, k, len(pr.words)) {
			want += B[j]
		}
		got := gapScore(B, &pr, &s)
		if math.Abs(float64(got-want)) > 1e-4 {
			t.Errorf("unit %d: gapScore %v, the cut's own score %v", i, got, want)
		}
		if got <= cutBias-1e-4 {
			t.Errorf("unit %d: gapScore %v is below the cut bias %v", i, got, cutBias)
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d gaps checked", checked)
	}
}

// TestAdaptScratchReuse checks that tables lent by a parse of one
// conversation give the next conversation the features fresh tables give
// it: a pass clears only the buckets the pass before touched, so a bucket
// missed there would carry counts over. The conversations differ in size,
// so that the tables' layout changes between them too.
func TestAdaptScratchReuse(t *testing.T) {
	all, units := benchText(t)
	rng := rand.New(rand.NewPCG(3, 5))
	conv := func(n int) (*Sequence, []float64) {
		from := rng.IntN(len(units) - n)
		us := units[from : from+n]
		q := scanUnits(all, us)
		pI := make([]float64, n)
		for i := range pI {
			pI[i] = rng.Float64()
		}
		return q, pI
	}
	sc := new(adaptScratch)
	for k, n := range []int{3000, 200, 200, 9000, 40, 1500} {
		q, pI := conv(n)
		got := adaptFeatures(q, pI, sc)
		want := adaptFeatures(q, pI, nil)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("conversation %d (%d units), unit %d: features %v with lent tables, %v with fresh ones", k, n, i, got[i], want[i])
			}
		}
	}
}

// TestScanTerminal checks the sentence facts scan reports of a unit's
// punctuation: its terminal class, a question reported inside quotes
// apart from one asked, and whether it quotes anyone.
func TestScanTerminal(t *testing.T) {
	for _, c := range []struct {
		text  string
		last  byte
		quote bool
		asked bool
	}{
		{`How did you start?`, '?', false, true},
		{`And he asked me, "Why would you do that?"`, quotedQ, true, false},
		{`They said “What is Kubernetes for?”`, quotedQ, true, false},
		{`Did he really say "no"?`, '?', true, true},
		{`I said "okay, fine."`, '.', true, false},
		{`Is that full-width？`, '?', false, true},
		{`He wrote "why？"`, quotedQ, true, false},
		{`(Is it?)`, '?', false, true},
		{`It's done!`, '!', false, false},
		{`It’s ‘fine.’`, '.', false, false},
		{`no punctuation here`, 0, false, false},
	} {
		src := []byte(c.text)
		st, _ := scan(src, turn.Span{End: len(src)}, nil)
		if st.last != c.last || st.quote != c.quote || st.asked() != c.asked {
			t.Errorf("%s: last %q quote %v asked %v, want %q %v %v", c.text, st.last, st.quote, st.asked(), c.last, c.quote, c.asked)
		}
	}
}

// TestPronounCounts checks the counts a sentence keeps of its pronouns,
// each capped at three, and the person it speaks in more, as its cue
// names it.
func TestPronounCounts(t *testing.T) {
	for _, c := range []struct {
		text       string
		i, you, we uint64
		person     int
		anyYou     bool
	}{
		{"I think my team and I, me, we told you our plan, you know, your call", 3, 3, 2, personFirst, true},
		{"You’re right, you've said it yourself, and I agree", 1, 0, 0, personSecond, true},
		{"Us? We've got nothing.", 0, 0, 0, personFirst, false},
		{"You and I.", 1, 1, 0, 0, true},
		{"The kiln runs hot.", 0, 0, 0, 0, false},
	} {
		src := []byte(c.text)
		st, ws := scan(src, turn.Span{End: len(src)}, nil)
		st.countPronouns(ws)
		if got, want := [3]uint64{st.nI(), st.nYou(), st.nWe()}, [3]uint64{c.i, c.you, c.we}; got != want {
			t.Errorf("%q: I, you, we %v, want %v", c.text, got, want)
		}
		if st.person() != c.person || st.you != c.anyYou {
			t.Errorf("%q: person %d, you %v, want %d, %v", c.text, st.person(), st.you, c.person, c.anyYou)
		}
	}
}

// TestScanLower checks that scan notes a unit whose first word starts in
// lower case, a unit that goes on from the one before it.
func TestScanLower(t *testing.T) {
	for text, want := range map[string]bool{
		`and so on.`:           true,
		`"and then," he said.`: true,
		`And so on.`:           false,
		`42 of them.`:          false,
		`éclair time.`:         false, // only ASCII letters count
		`   because of it`:     true,
	} {
		src := []byte(text)
		if st, _ := scan(src, turn.Span{End: len(src)}, nil); st.lower != want {
			t.Errorf("%q: lower %v, want %v", text, st.lower, want)
		}
	}
}

// TestAdaptStableUnderRounding checks that the adaptation features move
// by no more than the posteriors they are counted with: a bucket is
// frequent or rare by the number of words counted into it, not by the
// float32 sum of their posteriors, which rounding can take just below a
// whole number. Posteriors scaled by 1 - 1e-6, as a different order of
// floating-point operations or a fused multiply-add can leave them, must
// leave every feature within 1e-4; with the sum compared against the
// count as it stands, a unit's frequent-word sums moved by whole ratios.
func TestAdaptStableUnderRounding(t *testing.T) {
	all, units := benchText(t)
	rng := rand.New(rand.NewPCG(17, 19))
	for _, n := range []int{300, 3000} {
		from := rng.IntN(len(units) - n)
		q := scanUnits(all, units[from:from+n])
		pI := make([]float64, n)
		for i := range pI {
			// Posteriors that sum to awkward float32 values.
			pI[i] = rng.Float64()
		}
		nudged := make([]float64, n)
		for i, p := range pI {
			nudged[i] = p * (1 - 1e-6)
		}
		got, want := adaptFeatures(q, nudged, nil), adaptFeatures(q, pI, nil)
		worst, at := 0.0, 0
		for i := range want {
			for k := range want[i] {
				if d := math.Abs(got[i][k] - want[i][k]); d > worst {
					worst, at = d, i
				}
			}
		}
		if worst > 1e-4 {
			t.Errorf("%d units: posteriors scaled by 1 - 1e-6 moved unit %d's features by %.3g: %v -> %v", n, at, worst, want[at], got[at])
		}
	}
}

// TestUncase checks that the lower-case flag, which marks a punctuated
// unit that goes on from the one before, is cleared when nearly every
// punctuated unit opens in lower case (text written without capitals) and
// kept otherwise.
func TestUncase(t *testing.T) {
	build := func(text string) (*Sequence, []turn.Span) {
		src, units := atStops(text)
		return scanWords(src, units), units
	}
	lowers := func(q *Sequence) int {
		n := 0
		for _, f := range q.facts {
			if f.lower {
				n++
			}
		}
		return n
	}
	caseless := strings.Repeat("what do you build? boats, mostly. why boats? my father built them. ", 5)
	if q, _ := build(strings.TrimSpace(caseless)); lowers(q) != 0 {
		t.Errorf("text without capitals: %d of %d units keep the lower-case flag, want 0", lowers(q), q.Len())
	}
	cased := strings.Repeat("What do you build? Boats, mostly. and small ones. Why boats? My father built them. ", 5)
	if q, _ := build(strings.TrimSpace(cased)); lowers(q) != 5 {
		t.Errorf("cased text: %d units keep the lower-case flag, want the 5 that open in lower case", lowers(q))
	}
}

// TestMarkUnasked checks that in a text with many punctuated units and no
// question mark, the units the question-end model reads as questions are
// given one (and the cue question-words, not question), and that a single
// question mark anywhere, or too few units, leaves the text as written.
func TestMarkUnasked(t *testing.T) {
	build := func(text string) *Sequence { return scanUnits(atStops(text)) }
	pair := "What do you build these days. I build boats, mostly small ones. "
	asked := func(q *Sequence) (questions, statements int) {
		for i := range q.facts {
			if q.facts[i].last != '?' {
				continue
			}
			if i%2 == 0 {
				questions++
			} else {
				statements++
			}
			if u := q.unit(i); q.cueBits(i, &u)&bitQuestionWords == 0 || q.cueBits(i, &u)&bitQuestion != 0 {
				t.Errorf("unit %d: cues %b, want question-words and not question", i, q.cueBits(i, &u))
			}
		}
		return questions, statements
	}
	q := build(strings.TrimSpace(strings.Repeat(pair, unaskedMin/2)))
	if qs, ss := asked(q); qs != unaskedMin/2 || ss != 0 {
		t.Errorf("no question marks in %d units: %d questions and %d statements read as questions, want %d and 0", q.Len(), qs, ss, unaskedMin/2)
	}
	withOne := strings.TrimSpace(strings.Repeat(pair, unaskedMin/2)) + " Why boats?"
	if q := build(withOne); countLast(q, '?') != 1 {
		t.Errorf("with one question mark written, %d units end in one, want that one", countLast(q, '?'))
	}
	if q := build(strings.TrimSpace(strings.Repeat(pair, unaskedMin/2-2))); countLast(q, '?') != 0 {
		t.Errorf("%d units: %d given a question mark, want none below %d units", q.Len(), countLast(q, '?'), unaskedMin)
	}
}

func countLast(q *Sequence, c byte) int {
	n := 0
	for _, f := range q.facts {
		if f.last == c {
			n++
		}
	}
	return n
}

// atStops returns text as bytes and its units: a unit ends at each full
// stop or question mark, and the next starts after the space that
// follows it.
func atStops(text string) ([]byte, []turn.Span) {
	src := []byte(text)
	var units []turn.Span
	start := 0
	for i := 0; i < len(src); i++ {
		if src[i] == '.' || src[i] == '?' {
			units = append(units, turn.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	return src, units
}
