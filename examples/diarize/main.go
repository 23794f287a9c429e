// Command diarize turns a flat interview transcript into alternating
// interviewer and guest turns and prints them as JSON.
//
// Usage:
//
//	diarize [flags] [FILE]
//	diarize -o OUTDIR [-j N] [flags] FILE|DIR...
//	diarize -score GOLD.json...
//
// With no FILE it reads standard input (an empty pipe is empty input, an
// error); with no FILE and nothing piped in (standard input a terminal or
// /dev/null), or with -sample (which takes no FILE), it parses a built-in
// sample interview and says so on standard error. With -score it scores the parser on gold files instead
// (see the corpus README for the metrics). With -explain each turn also says
// why it is where it is: an "explain" object in the JSON, lines under the
// turn with -format txt or md.
//
// With -o it parses many files, N at a time (-j, by default one per CPU),
// each into a file of its own under OUTDIR; directories are walked for
// .txt, .srt, .vtt and .json files. It keeps going past bad files,
// reports each on standard error, prints a summary line, and exits 1 if
// any failed.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
)

//go:embed sample.txt
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, apart from the process: it returns the exit
// status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diarize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		useSample = fs.Bool("sample", false, "parse the built-in sample interview")
		score     = fs.Bool("score", false, "score the parser on gold corpus files (FILE... are gold JSON files)")
		maxBytes  = fs.Int("max-bytes", transcript.DefaultMaxBytes, "reject input larger than this many bytes")
		summary   = fs.Bool("summary", false, "print a summary table of the speakers, the transcript's confidence and the interviewer's questions instead of JSON")
		outDir    = fs.String("o", "", "batch mode: write one output per input file into `OUTDIR`; the arguments are files and directories")
		jobs      = fs.Int("j", runtime.NumCPU(), "batch mode: parse `N` files at once (with -o only)")
		explain   = fs.Bool("explain", false, "explain each turn: the scores that decided it (json, txt and md)")
		names     speaker.Names
		inFormat  = transcript.Auto
		outFormat = outputFormat("json")
	)
	fs.TextVar(&inFormat, "in", transcript.Auto, "input format: auto, text, srt, vtt, whisper, timestamped or labelled (also webvtt, json for whisper and txt; any case)")
	fs.Var(&outFormat, "format", "output format: json, jsonl, vtt, srt, md, txt, podcast or html (also webvtt and markdown)")
	fs.Func("speakers", "the speakers' names, `\"NAME=interviewer,NAME=guest\"`; used as given", func(v string) (err error) {
		names, err = speaker.ParseNames(v)
		return err
	})
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: diarize [flags] [FILE]\n       diarize -o OUTDIR [-j N] [flags] FILE|DIR...\n       diarize -score GOLD.json...\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	jobsSet := false
	fs.Visit(func(f *flag.Flag) { jobsSet = jobsSet || f.Name == "j" })
	if jobsSet && *outDir == "" {
		fmt.Fprintln(stderr, "diarize: -j applies to batch mode (-o OUTDIR)")
		return 2
	}
	if *explain && !explains[string(outFormat)] {
		fmt.Fprintf(stderr, "diarize: -explain applies to -format json, txt and md, not %s\n", outFormat)
		return 2
	}
	if *explain && *summary {
		fmt.Fprintln(stderr, "diarize: -explain applies to -format json, txt and md, not -summary")
		return 2
	}
	if *outDir != "" {
		switch {
		case *score || *useSample:
			fmt.Fprintln(stderr, "diarize: -o takes input files, not -score or -sample")
			return 2
		case fs.NArg() == 0:
			fmt.Fprintln(stderr, "diarize: -o needs input files or directories")
			return 2
		case *jobs < 1:
			fmt.Fprintln(stderr, "diarize: -j must be at least 1")
			return 2
		}
		b := &batch{
			parser:   transcript.Parser{MaxBytes: *maxBytes, Names: names, Format: inFormat, Explain: *explain},
			write:    writers[string(outFormat)],
			ext:      outputExt[string(outFormat)],
			outDir:   *outDir,
			jobs:     *jobs,
			progress: isTerminalWriter(stderr),
			stdout:   stdout,
			stderr:   stderr,
		}
		if *summary {
			b.write = func(tr *transcript.Transcript, w io.Writer) error { return writeSummary(w, tr) }
			b.ext = summaryExt
		}
		return b.runBatch(fs.Args())
	}
	if *score {
		if fs.NArg() == 0 {
			fmt.Fprintln(stderr, "diarize: -score needs gold JSON files")
			return 2
		}
		return scoreFiles(fs.Args(), stdout, stderr)
	}
	if *useSample && fs.NArg() > 0 {
		fmt.Fprintln(stderr, "diarize: -sample takes no FILE")
		fs.Usage()
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "diarize: one input file at a time; -o OUTDIR parses many")
		return 2
	}
	name, src, err := input(fs.Args(), *useSample, stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "diarize: %v\n", err)
		return 1
	}
	p := transcript.Parser{MaxBytes: *maxBytes, Names: names, Format: inFormat, Explain: *explain}
	tr, err := p.Parse(src)
	if err != nil {
		fmt.Fprintln(stderr, errorLine(name, err))
		return 1
	}
	write := func(w io.Writer) error { return writers[string(outFormat)](tr, w) }
	if *summary {
		write = func(w io.Writer) error { return writeSummary(w, tr) }
	}
	if err := write(stdout); err != nil {
		fmt.Fprintf(stderr, "diarize: %v\n", err)
		return 1
	}
	return 0
}

// input reads the transcript to parse and names it for messages.
func input(args []string, useSample bool, stdin io.Reader, stderr io.Writer) (string, []byte, error) {
	if len(args) == 1 && !useSample {
		src, err := os.ReadFile(args[0])
		return args[0], src, err
	}
	if !useSample && !isTerminal(stdin) {
		// Something is piped in: an empty pipe is empty input, an error,
		// not a request for the sample (a failed step upstream must not
		// pass for a parse).
		src, err := io.ReadAll(stdin)
		return "<stdin>", src, err
	}
	if useSample {
		fmt.Fprintln(stderr, "diarize: parsing the built-in sample interview")
	} else {
		fmt.Fprintln(stderr, "diarize: no input given; parsing the built-in sample interview (-sample)")
	}
	return "<sample>", sample, nil
}

// isTerminal reports whether r is a terminal, another character device
// such as /dev/null, or absent: nothing is piped in.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return r == nil
	}
	fi, err := f.Stat()
	if err != nil {
		return true
	}
	return fi.Mode()&os.ModeCharDevice != 0
}
