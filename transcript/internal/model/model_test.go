package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"

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
	m.W[10] = Quantum / 4 // rounds to zero
	got, err := Unmarshal(m.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	m.Quantize()
	if !equal(got.W, m.W) || !equal(got.B, m.B) {
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
