package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/textdiarize/diarize/transcript"
)

// outputExt maps the names -format accepts to the extension of the files
// batch mode writes.
var outputExt = map[string]string{
	"json":     "json",
	"jsonl":    "jsonl",
	"vtt":      "vtt",
	"webvtt":   "vtt",
	"srt":      "srt",
	"md":       "md",
	"markdown": "md",
	"txt":      "txt",
	"podcast":  "podcast.json",
	"html":     "html",
}

// summaryExt is the extension of the files batch mode writes with -summary.
const summaryExt = "summary.txt"

// inputExts are the extensions of the files a directory walk takes
// (compared without regard to case).
var inputExts = []string{".txt", ".srt", ".vtt", ".json"}

// A batch is the settings of batch mode (-o): every input is parsed by
// parser and written by write to a file of its own under outDir.
type batch struct {
	parser   transcript.Parser
	write    func(*transcript.Transcript, io.Writer) error
	ext      string // of the output files, without the dot
	outDir   string
	jobs     int  // inputs parsed at once
	progress bool // rewrite a progress line on stderr
	stdout   io.Writer
	stderr   io.Writer
}

// An item is one input of a batch.
type item struct {
	in     string // the input's path: an argument, or found under one
	out    string // the output's path
	walked bool   // found by walking a directory argument
	err    error  // found while planning; the item is not read
}

// An outcome is what became of one item.
type outcome struct {
	done    bool
	skipped bool   // a walked JSON file that is not Whisper JSON
	msg     string // the error line; empty on success
	bytes   int    // input bytes parsed
	turns   int
}

// runBatch parses every input named by args (files, and directories
// walked for transcript files) and reports as it goes. It returns the exit
// status: 1 if any input failed.
func (b *batch) runBatch(args []string) int {
	if err := os.MkdirAll(b.outDir, 0o777); err != nil {
		fmt.Fprintf(b.stderr, "diarize: %v\n", err)
		return 1
	}
	return b.run(b.plan(args))
}

// plan lists the inputs named by args in order, each with its output
// path. A directory argument is walked in lexical order for files ending
// in one of inputExts, leaving out names that start with "." or "_" (and
// all below such a directory), the output directory, and *.podcast.json
// (an output of ours). Inputs whose outputs would collide, or overwrite an
// input, are items with an error.
func (b *batch) plan(args []string) []item {
	outInfo, _ := os.Stat(b.outDir)
	var items []item
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			items = append(items, item{in: arg, err: err})
			continue
		}
		if !fi.IsDir() {
			items = append(items, item{in: arg, out: b.outPath(arg, "")})
			continue
		}
		root := arg
		if li, err := os.Lstat(arg); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = arg + string(filepath.Separator) // so that WalkDir follows it
		}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				items = append(items, item{in: path, err: err})
				return nil
			}
			if path == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if fi, err := d.Info(); err == nil && outInfo != nil && os.SameFile(fi, outInfo) {
					return fs.SkipDir
				}
				return nil
			}
			if !isInputName(name) {
				return nil
			}
			if !d.Type().IsRegular() { // a symbolic link: take it if it leads to a file
				if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
					return nil
				}
			}
			items = append(items, item{in: path, out: b.outPath(path, root), walked: true})
			return nil
		})
	}
	return checkOutputs(items)
}

// isInputName reports whether a directory walk takes a file of this name.
func isInputName(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".podcast.json") {
		return false
	}
	for _, ext := range inputExts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// outPath returns the output path of the input at path, found under the
// directory argument root ("" for a file argument): the path as given when
// it is local (relative, without ".."), otherwise the path below root, or
// for a file argument its base name; under b.outDir, with "." and b.ext
// added. The input's own extension stays, so that inputs differing only in
// it (talk.srt, talk.txt) never share an output, whichever run writes it.
func (b *batch) outPath(path, root string) string {
	rel := filepath.Clean(path)
	if !filepath.IsLocal(rel) {
		rel = filepath.Base(path)
		if root != "" {
			if r, err := filepath.Rel(root, path); err == nil && filepath.IsLocal(r) {
				rel = r
			}
		}
	}
	return filepath.Join(b.outDir, rel+"."+b.ext)
}

// checkOutputs drops repeats of an input, and gives an error to an item
// whose output is an input or the output of an earlier item.
func checkOutputs(items []item) []item {
	inputs := make(map[string]string) // absolute path → input
	for _, it := range items {
		if it.err == nil {
			inputs[absPath(it.in)] = it.in
		}
	}
	outputs := make(map[string]string) // output → input
	seen := make(map[string]bool)      // cleaned input paths
	kept := items[:0]
	for _, it := range items {
		if it.err == nil {
			in := filepath.Clean(it.in)
			if seen[in] {
				continue
			}
			seen[in] = true
			if other, ok := outputs[it.out]; ok {
				it.err = fmt.Errorf("%s: the output %s is also that of %s", it.in, it.out, other)
			} else if other, ok := inputs[absPath(it.out)]; ok {
				it.err = fmt.Errorf("%s: the output %s would overwrite the input %s", it.in, it.out, other)
			} else {
				outputs[it.out] = it.in
			}
		}
		kept = append(kept, it)
	}
	return kept
}

func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// run parses the items on b.jobs workers. Errors are printed in the order
// of the items, whatever order the workers finish in, and a summary line at
// the end.
func (b *batch) run(items []item) int {
	start := time.Now()
	type result struct {
		i int
		o outcome
	}
	next := make(chan int)
	results := make(chan result)
	for range max(1, min(b.jobs, len(items))) {
		go func() {
			for i := range next {
				results <- result{i, b.do(items[i])}
			}
		}()
	}
	go func() {
		for i := range items {
			next <- i
		}
		close(next)
	}()

	var (
		outcomes            = make([]outcome, len(items))
		reported            int // outcomes[:reported] are printed
		ok, failed, skipped int
		turns               int
		nbytes              int64
		drawn               bool // a progress line is on the screen
		lastDraw            time.Time
		clearLine           = func() {}
	)
	if b.progress {
		clearLine = func() {
			if drawn {
				io.WriteString(b.stderr, "\r\x1b[K")
				drawn = false
			}
		}
	}
	for n := 1; n <= len(items); n++ {
		r := <-results
		r.o.done = true
		outcomes[r.i] = r.o
		switch {
		case r.o.msg != "":
			failed++
		case r.o.skipped:
			skipped++
		default:
			ok++
			nbytes += int64(r.o.bytes)
			turns += r.o.turns
		}
		for reported < len(items) && outcomes[reported].done {
			if msg := outcomes[reported].msg; msg != "" {
				clearLine()
				fmt.Fprintln(b.stderr, msg)
			}
			reported++
		}
		if b.progress && (!drawn || n == len(items) || time.Since(lastDraw) >= 100*time.Millisecond) {
			fmt.Fprintf(b.stderr, "\r\x1b[K%d/%d files, %d failed, %.1f MB", n, len(items), failed, float64(nbytes)/1e6)
			drawn, lastDraw = true, time.Now()
		}
	}
	clearLine()
	elapsed := time.Since(start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(nbytes) / 1e6 / elapsed
	}
	fmt.Fprintf(b.stdout, "diarize: %d files: %d ok, %d failed, %d skipped; %.2f MB, %d turns in %.2fs, %.2f MB/s\n",
		len(items), ok, failed, skipped, float64(nbytes)/1e6, turns, elapsed, rate)
	if failed > 0 {
		return 1
	}
	return 0
}

// do parses one item and writes its output.
func (b *batch) do(it item) outcome {
	if it.err != nil {
		return outcome{msg: "diarize: " + it.err.Error()}
	}
	src, err := os.ReadFile(it.in)
	if err != nil {
		return outcome{msg: "diarize: " + err.Error()}
	}
	if it.walked && strings.EqualFold(filepath.Ext(it.in), ".json") && otherJSON(src) {
		return outcome{skipped: true}
	}
	tr, err := b.parser.Parse(src)
	if err != nil {
		return outcome{msg: errorLine(it.in, err)}
	}
	if err := writeAtomic(it.out, func(w io.Writer) error { return b.write(tr, w) }); err != nil {
		return outcome{msg: "diarize: " + err.Error()}
	}
	return outcome{bytes: len(src), turns: len(tr.Turns)}
}

// otherJSON reports whether src is a JSON object without a top-level
// "segments" key: not Whisper JSON, but something like a gold file or our
// own JSON output. Broken JSON is not other JSON: the parser reports it.
func otherJSON(src []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil || key == "segments" {
			return false
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	_, err := dec.Token() // the closing brace
	return err == nil
}

// tempSeq numbers the temporary files of this process.
var tempSeq atomic.Int64

// writeAtomic writes a file at path through write: into a temporary file
// beside it (hidden, so that walks skip it), renamed to path once complete,
// so that path never holds a partial output. Directories are made as
// needed.
func writeAtomic(path string, write func(io.Writer) error) error {
	dir, base := filepath.Split(path)
	if dir != "" {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return err
		}
	}
	var (
		f   *os.File
		err error
	)
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d-%d.tmp", base, os.Getpid(), tempSeq.Add(1)))
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !os.IsExist(err) {
			break
		}
	}
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// errorLine describes an error of parsing the input called name: for a
// [transcript.Error], "name:line:col: message".
func errorLine(name string, err error) string {
	var e *transcript.Error
	if errors.As(err, &e) {
		return fmt.Sprintf("%s:%d:%d: %v", name, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s: %v", name, err)
}

// isTerminalWriter reports whether w is a terminal (a character device),
// so that a progress line can be rewritten on it.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
