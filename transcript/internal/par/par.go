// Package par runs the independent parts of a parse on all CPUs.
//
// Every caller splits work so that each index's result depends on that
// index alone, never on where the ranges are cut: the output of a parse
// is the same on one CPU as on many.
package par

import (
	"runtime"
	"sync"
)

// Range calls f on consecutive disjoint ranges [lo, hi) that cover
// [0, n), in parallel, and returns when all calls have returned. It uses
// at most GOMAXPROCS goroutines and gives each at least grain indexes;
// when n is below 2*grain, it calls f(0, n) on the caller's goroutine.
// Ranges are never empty; for n <= 0, f is not called.
func Range(n, grain int, f func(lo, hi int)) {
	k := Workers(n, grain)
	if k <= 1 {
		if n > 0 {
			f(0, n)
		}
		return
	}
	var wg sync.WaitGroup
	for w := 1; w < k; w++ {
		lo, hi := w*n/k, (w+1)*n/k
		wg.Go(func() { f(lo, hi) })
	}
	f(0, n/k)
	wg.Wait()
}

// Workers returns the number of ranges [Range] cuts n indexes into.
func Workers(n, grain int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/max(grain, 1)))
}

// Do runs the functions concurrently, the first on the caller's
// goroutine, and returns when all have returned.
func Do(fs ...func()) {
	if len(fs) == 0 {
		return
	}
	if runtime.GOMAXPROCS(0) == 1 {
		for _, f := range fs {
			f()
		}
		return
	}
	var wg sync.WaitGroup
	for _, f := range fs[1:] {
		wg.Go(f)
	}
	fs[0]()
	wg.Wait()
}
