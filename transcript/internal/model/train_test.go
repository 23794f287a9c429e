package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// pathsNLL is chainGrad's negative log-likelihood worked out by summing
// over every path of the chain: the log of the sum of exp(score + margin
// x the units where the path's changes differ from roles'), less the
// score of roles.
func pathsNLL(segs []turn.Segment, roles []speaker.Role, margin float64) float64 {
	n := len(segs)
	score := func(path []int, withMargin bool) float64 {
		s := 0.0
		for i, st := range path {
			if st == 0 {
				s += segs[i].Score / 2
			} else {
				s -= segs[i].Score / 2
			}
			if i == 0 {
				continue
			}
			if path[i] != path[i-1] {
				if st == 0 {
					s += segs[i].ToInterviewer
				} else {
					s += segs[i].ToGuest
				}
			}
			if withMargin && (path[i] != path[i-1]) != (roles[i] != roles[i-1]) {
				s += margin
			}
		}
		return s
	}
	logZ := math.Inf(-1)
	path := make([]int, n)
	for bits := 0; bits < 1<<n; bits++ {
		for i := range path {
			path[i] = bits >> i & 1
		}
		logZ = logAdd(logZ, score(path, true))
	}
	for i, r := range roles {
		path[i] = 0
		if r == speaker.Guest {
			path[i] = 1
		}
	}
	return logZ - score(path, false)
}

// TestChainGradMargin checks chainGrad against every path of small random
// chains, with and without a margin: its negative log-likelihood, and its
// derivatives against finite differences of the sum over paths.
func TestChainGradMargin(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 7))
	for trial := 0; trial < 40; trial++ {
		n := 1 + rng.IntN(7)
		segs := make([]turn.Segment, n)
		roles := make([]speaker.Role, n)
		for i := range segs {
			segs[i].Score = rng.NormFloat64() * 2
			segs[i].ToInterviewer = rng.NormFloat64()
			segs[i].ToGuest = rng.NormFloat64()
			roles[i] = speaker.Interviewer
			if rng.IntN(2) == 0 {
				roles[i] = speaker.Guest
			}
		}
		margin := []float64{0, 0.5, 1, 2}[trial%4]
		d := chainGrad(segs, roles, margin)
		if want := pathsNLL(segs, roles, margin); math.Abs(d.nll-want) > 1e-9 {
			t.Fatalf("trial %d (n %d, margin %g): nll %v, want %v", trial, n, margin, d.nll, want)
		}
		const h = 1e-6
		for i := range segs {
			for k, field := range []*float64{&segs[i].Score, &segs[i].ToInterviewer, &segs[i].ToGuest} {
				if i == 0 && k > 0 {
					continue // the first unit has no change into it
				}
				x := *field
				*field = x + h
				up := pathsNLL(segs, roles, margin)
				*field = x - h
				down := pathsNLL(segs, roles, margin)
				*field = x
				got := []float64{d.emit[i], d.toI[i], d.toG[i]}[k]
				if want := (up - down) / (2 * h); math.Abs(got-want) > 1e-5 {
					t.Errorf("trial %d (n %d, margin %g): unit %d derivative %d = %v, want %v", trial, n, margin, i, k, got, want)
				}
			}
		}
	}
}

// TestTemperKeepsPath checks that scaling every score, as the parse does
// to calibrate the posteriors, leaves the decoded path as it is.
func TestTemperKeepsPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 11))
	for trial := 0; trial < 50; trial++ {
		n := 1 + rng.IntN(60)
		segs := make([]turn.Segment, n)
		for i := range segs {
			segs[i].Score = rng.NormFloat64() * 3
			segs[i].ToInterviewer = rng.NormFloat64()
			segs[i].ToGuest = rng.NormFloat64()
		}
		var d turn.Decoder
		roles, _ := d.Roles(segs)
		for _, f := range []float64{0.5, 0.7, 1.5} {
			work := slices.Clone(segs)
			temper(work, f)
			if r2, _ := d.Roles(work); !slices.Equal(roles, r2) {
				t.Fatalf("trial %d: scale %g changed the path", trial, f)
			}
		}
	}
}
