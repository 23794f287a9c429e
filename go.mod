module github.com/textdiarize/diarize

go 1.26.8
