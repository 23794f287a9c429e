package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/textdiarize/diarize/transcript"
)

// writers maps the names -format accepts to the renderers.
var writers = map[string]func(*transcript.Transcript, io.Writer) error{
	"json":     (*transcript.Transcript).WriteJSON,
	"jsonl":    (*transcript.Transcript).WriteJSONL,
	"vtt":      (*transcript.Transcript).WriteWebVTT,
	"srt":      (*transcript.Transcript).WriteSRT,
	"md":       (*transcript.Transcript).WriteMarkdown,
	"txt":      (*transcript.Transcript).WriteText,
	"podcast":  (*transcript.Transcript).WritePodcast,
	"html":     (*transcript.Transcript).WriteHTML,
	"markdown": (*transcript.Transcript).WriteMarkdown,
	"webvtt":   (*transcript.Transcript).WriteWebVTT,
}

// explains holds the formats that show the turns' explanations (-explain).
var explains = map[string]bool{"json": true, "txt": true, "md": true, "markdown": true}

// outputFormat is the value of -format.
type outputFormat string

func (f *outputFormat) String() string { return string(*f) }

func (f *outputFormat) Set(s string) error {
	if _, ok := writers[s]; !ok {
		names := make([]string, 0, len(writers))
		for n := range writers {
			names = append(names, n)
		}
		sort.Strings(names)
		return fmt.Errorf("unknown output format %q (want %s)", s, strings.Join(names, ", "))
	}
	*f = outputFormat(s)
	return nil
}
