package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestRangeCoversOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 3, 8} {
		old := runtime.GOMAXPROCS(procs)
		for _, tc := range []struct{ n, grain int }{{0, 1}, {1, 1}, {5, 1}, {5, 10}, {19, 2}, {1000, 7}, {1000, 0}} {
			hits := make([]int32, tc.n)
			var calls atomic.Int32
			Range(tc.n, tc.grain, func(lo, hi int) {
				calls.Add(1)
				if lo >= hi {
					t.Errorf("procs %d n %d: empty range [%d,%d)", procs, tc.n, lo, hi)
				}
				if hi-lo < tc.grain && hi-lo < tc.n {
					t.Errorf("procs %d n %d grain %d: range [%d,%d) below a grain", procs, tc.n, tc.grain, lo, hi)
				}
				for i := lo; i < hi; i++ {
					atomic.AddInt32(&hits[i], 1)
				}
			})
			for i, h := range hits {
				if h != 1 {
					t.Errorf("procs %d n %d grain %d: index %d covered %d times", procs, tc.n, tc.grain, i, h)
				}
			}
			want := int32(1)
			if k := Workers(tc.n, tc.grain); k > 1 {
				want = int32(min(tc.n/max(tc.grain, 1), chunksPerWorker*k))
			}
			if tc.n > 0 && calls.Load() != want {
				t.Errorf("procs %d n %d grain %d: %d calls, want %d", procs, tc.n, tc.grain, calls.Load(), want)
			}
			if tc.n > 0 && tc.n < 2*max(tc.grain, 1) && calls.Load() != 1 {
				t.Errorf("procs %d n %d grain %d: split a range below two grains", procs, tc.n, tc.grain)
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func TestDoRunsAll(t *testing.T) {
	for _, procs := range []int{1, 2} {
		old := runtime.GOMAXPROCS(procs)
		var runs [5]atomic.Int32
		fs := make([]func(), len(runs))
		for i := range fs {
			fs[i] = func() { runs[i].Add(1) }
		}
		for n := 1; n <= len(fs); n++ {
			for i := range runs {
				runs[i].Store(0)
			}
			Do(fs[:n]...)
			for i := range runs {
				if want := int32(min(1, max(0, n-i))); runs[i].Load() != want {
					t.Errorf("procs %d, %d functions: function %d ran %d times, want %d", procs, n, i, runs[i].Load(), want)
				}
			}
		}
		Do()
		runtime.GOMAXPROCS(old)
	}
}

// TestRangeCallsOffLateGoroutines holds back every goroutine Range
// starts, as a busy machine may: Range must still return, its caller
// having claimed every part, and a goroutine that starts afterwards must
// neither call f nor count itself done (which would panic: the caller
// has counted it).
func TestRangeCallsOffLateGoroutines(t *testing.T) {
	old := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(old)
	var held []func()
	spawn = func(f func()) { held = append(held, f) }
	defer func() { spawn = func(f func()) { go f() } }()
	const n = 1000
	hits := make([]int, n)
	calls := 0
	Range(n, 10, func(lo, hi int) {
		calls++
		for i := lo; i < hi; i++ {
			hits[i]++
		}
	})
	if len(held) != Workers(n, 10)-1 || len(held) == 0 {
		t.Fatalf("%d goroutines started, want %d", len(held), Workers(n, 10)-1)
	}
	before := calls
	for _, f := range held {
		f() // starts late: must find itself called off
	}
	if calls != before {
		t.Errorf("a goroutine that started after Range returned called f %d times", calls-before)
	}
	for i, h := range hits {
		if h != 1 {
			t.Fatalf("index %d covered %d times", i, h)
		}
	}
}
