// Package par runs the independent parts of a parse on all CPUs.
//
// Every caller splits work so that each index's result depends on that
// index alone, never on where the ranges are cut: the output of a parse
// is the same on one CPU as on many.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Range calls f on consecutive disjoint ranges [lo, hi) that cover
// [0, n), in parallel, and returns when all calls have returned. It cuts
// [0, n) into parts of at least grain indexes (at most chunksPerWorker
// for each of the Workers(n, grain) goroutines it uses) that the
// goroutines claim in turn, the caller's first: a goroutine that starts
// late, as a woken one does, finds less left to do instead of holding
// the others up, and one that has not started by the time the caller
// has done the rest is not waited for. When n is below 2*grain, it
// calls f(0, n) on the caller's goroutine. Ranges are never empty; for
// n <= 0, f is not called.
func Range(n, grain int, f func(lo, hi int)) {
	k := Workers(n, grain)
	if k <= 1 {
		if n > 0 {
			f(0, n)
		}
		return
	}
	parts := min(n/max(grain, 1), chunksPerWorker*k)
	var next atomic.Int64
	work := func() {
		for {
			c := int(next.Add(1) - 1)
			if c >= parts {
				return
			}
			f(c*n/parts, (c+1)*n/parts)
		}
	}
	// A goroutine that has not started by the time the caller finds
	// nothing left to claim is called off, not waited for: it would
	// find nothing to do, and waiting for it would add its start
	// latency (about 0.2 ms on an idle virtual machine) to every
	// parallel section. Each has a flag that it and the caller race
	// to set; the one that sets it decides whether the goroutine runs.
	var wg sync.WaitGroup
	called := make([]atomic.Bool, k-1)
	wg.Add(k - 1)
	for j := range called {
		c := &called[j]
		spawn(func() {
			if c.CompareAndSwap(false, true) {
				work()
				wg.Done()
			}
		})
	}
	work()
	for j := range called {
		if called[j].CompareAndSwap(false, true) {
			wg.Done()
		}
	}
	wg.Wait()
}

// spawn starts f on a new goroutine; a test replaces it.
var spawn = func(f func()) { go f() }

// chunksPerWorker bounds the parts Range cuts its indexes into, per
// goroutine: enough that a goroutine woken late (about a fifth of a
// millisecond on an idle virtual machine) costs little, few enough that
// a part's fixed cost does not count.
const chunksPerWorker = 8

// Workers returns the number of goroutines [Range] uses for n indexes.
func Workers(n, grain int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/max(grain, 1)))
}

// Do runs the functions concurrently and returns when all have returned.
// The caller's goroutine runs the first and then any that no other
// goroutine has started yet, so that the functions run one after the
// other, not later, when the goroutines they were handed to start late.
// The functions must not wait for one another.
func Do(fs ...func()) {
	// Range with a grain of one function is exactly that: the functions
	// are its indexes, claimed in turn, the caller's goroutine first.
	Range(len(fs), 1, func(lo, hi int) {
		for _, f := range fs[lo:hi] {
			f()
		}
	})
}
