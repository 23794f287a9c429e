// Package sentbench compares the speed of diarize's sentence splitting with
// that of github.com/neurosnap/sentences, a well-known Go sentence
// splitter (a port of NLTK's Punkt), on the same bytes.
//
// It is a module of its own so that the diarize library does not depend on
// neurosnap/sentences; its benchmarks are the whole of it:
//
//	cd examples/sentbench && go test -bench . -benchmem
//
// Our splitter lives in an internal package, which another module cannot
// import, so its figure comes from the main module:
//
//	go test -bench Split -benchmem ./transcript/internal/segment
//
// BenchmarkNeurosnap/split-text runs neurosnap on exactly the bytes that
// benchmark splits (the sentences are read from its source file), and
// BenchmarkNeurosnap/interview and BenchmarkParse/interview run neurosnap
// and the whole of [transcript.Parse] on the input of
// transcript.BenchmarkParse/1MB (the sample interview repeated to 1 MiB).
package sentbench
