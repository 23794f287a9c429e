module github.com/textdiarize/diarize/examples/sentbench

go 1.26.8

replace github.com/textdiarize/diarize => ../..

require (
	github.com/neurosnap/sentences v1.1.2
	github.com/textdiarize/diarize v0.0.0-00010101000000-000000000000
)
