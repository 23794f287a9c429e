//go:build race

package transcript_test

// raceEnabled reports that the tests run under the race detector, which
// allocates on its own account (and lets sync.Pool drop what it keeps),
// so that allocation counts say nothing about the code.
const raceEnabled = true
