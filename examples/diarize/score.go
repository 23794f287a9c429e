package main

import (
	"fmt"
	"io"
)

// scoreFiles scores the parser on gold files and prints a table.
func scoreFiles(files []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "diarize: -score is not built yet")
	return 2
}
