package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/transcript/score"
)

// scoreFiles scores the parser on gold files and prints a table: a row per
// file, the mean of each variant, the seed transcript and the pooled word
// accuracy (see package score). A file that fails to load or parse is
// reported on stderr and left out; the status is then 1.
func scoreFiles(files []string, stdout, stderr io.Writer) int {
	var (
		table  score.Table
		status int
	)
	for _, name := range files {
		g, err := score.Load(name)
		if err != nil {
			fmt.Fprintf(stderr, "diarize: %v\n", err)
			status = 1
			continue
		}
		tr, err := transcript.Parse([]byte(g.Text))
		if err != nil {
			var e *transcript.Error
			if errors.As(err, &e) {
				fmt.Fprintf(stderr, "%s: text:%d:%d: %v\n", name, e.Line, e.Column, e.Err)
			} else {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
			}
			status = 1
			continue
		}
		table.Add(g, score.Score(g, score.FromTranscript(tr)))
	}
	if len(table.Rows) == 0 {
		return 1
	}
	if _, err := table.WriteTo(stdout); err != nil {
		fmt.Fprintf(stderr, "diarize: %v\n", err)
		return 1
	}
	return status
}
