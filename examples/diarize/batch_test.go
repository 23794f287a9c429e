package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeTree writes files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree returns the files under dir, by slash-separated path relative
// to dir.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func keys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// timing matches the part of the summary line that varies from run to run.
var timing = regexp.MustCompile(`in [0-9.]+s, [0-9.]+ MB/s`)

// summaryLine returns the summary line batch mode prints, with the timing
// written as "in Ts, R MB/s".
func summaryLine(files, ok, failed, skipped, nbytes, turns int) string {
	return fmt.Sprintf("diarize: %d files: %d ok, %d failed, %d skipped; %.2f MB, %d turns in Ts, R MB/s\n",
		files, ok, failed, skipped, float64(nbytes)/1e6, turns)
}

// TestBatch runs batch mode over a directory with good and bad files: the
// good ones get the output the single-file mode prints, the bad ones are
// reported with their positions, in the order of the walk, and the run
// goes on past them but exits 1.
func TestBatch(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeTree(t, in, map[string]string{
		"good.txt":           interview,
		"sub/captions.srt":   srtInput,
		"bad.txt":            "Welcome to the show.\nThanks, it's gr\xffeat to be here.",
		"empty.txt":          "",
		"gold.json":          `{"id": "x", "text": "Why kelp? It grows fast.", "turns": []}`,
		"ferry.json":         `{"segments": [{"start": 0, "end": 2, "text": " Why kelp?"}, {"start": 2, "end": 5, "text": " It grows fast."}]}`,
		"sub/notes.md":       "# Not a transcript",
		".hidden.txt":        interview,
		"_drafts/draft.txt":  interview,
		"show.podcast.json":  `{"version": "1.0.0", "segments": []}`,
		"sub/.cache/old.txt": interview,
	})
	r := runCmd(t, "", "-o", out, "-j", "3", in)

	if r.code != 1 {
		t.Errorf("exit %d, want 1: a file failed", r.code)
	}
	wantStderr := filepath.Join(in, "bad.txt") + ":2:16: invalid UTF-8: byte 0xff\n" +
		filepath.Join(in, "empty.txt") + ":1:1: no text: the input is empty or only white space\n"
	if diff := cmp.Diff(wantStderr, r.stderr); diff != "" {
		t.Errorf("stderr mismatch (-want +got):\n%s", diff)
	}

	// Each output is what the single-file mode prints for its input.
	want := make(map[string]string)
	var nbytes, turns int
	for _, f := range []struct{ in, out string }{
		{"good.txt", "good.txt.json"},
		{"sub/captions.srt", "sub/captions.srt.json"},
		{"ferry.json", "ferry.json.json"},
	} {
		path := filepath.Join(in, filepath.FromSlash(f.in))
		single := runCmd(t, "", path)
		if single.code != 0 {
			t.Fatalf("diarize %s: exit %d: %s", path, single.code, single.stderr)
		}
		want[f.out] = single.stdout
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		nbytes += int(st.Size())
		turns += len(decode(t, single.stdout).Turns)
	}
	got := readTree(t, out)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outputs mismatch (-want +got):\n%s", diff)
	}

	gotSummary := timing.ReplaceAllString(r.stdout, "in Ts, R MB/s")
	if diff := cmp.Diff(summaryLine(6, 3, 2, 1, nbytes, turns), gotSummary); diff != "" {
		t.Errorf("summary mismatch (-want +got):\n%s", diff)
	}
	if !timing.MatchString(r.stdout) {
		t.Errorf("summary %q has no time and rate", r.stdout)
	}
}

// TestBatchFormats checks the name and content of the output of each
// -format: the content is what the single-file mode prints.
func TestBatchFormats(t *testing.T) {
	path := writeFile(t, "talk.srt", srtInput)
	for _, tt := range []struct {
		args []string
		name string
	}{
		{nil, "talk.srt.json"},
		{[]string{"-format", "json"}, "talk.srt.json"},
		{[]string{"-format", "jsonl"}, "talk.srt.jsonl"},
		{[]string{"-format", "vtt"}, "talk.srt.vtt"},
		{[]string{"-format", "webvtt"}, "talk.srt.vtt"},
		{[]string{"-format", "srt"}, "talk.srt.srt"},
		{[]string{"-format", "md"}, "talk.srt.md"},
		{[]string{"-format", "markdown"}, "talk.srt.md"},
		{[]string{"-format", "txt"}, "talk.srt.txt"},
		{[]string{"-format", "podcast"}, "talk.srt.podcast.json"},
		{[]string{"-format", "html"}, "talk.srt.html"},
		{[]string{"-summary"}, "talk.srt.summary.txt"},
		{[]string{"-in", "text", "-format", "txt"}, "talk.srt.txt"},
		{[]string{"-speakers", "Ana Lima=guest", "-format", "txt"}, "talk.srt.txt"},
	} {
		t.Run(strings.Join(append([]string{"args"}, tt.args...), " "), func(t *testing.T) {
			single := runCmd(t, "", append(tt.args, path)...)
			if single.code != 0 {
				t.Fatalf("single file: exit %d: %s", single.code, single.stderr)
			}
			out := t.TempDir()
			r := runCmd(t, "", append(append([]string{"-o", out}, tt.args...), path)...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			if diff := cmp.Diff(map[string]string{tt.name: single.stdout}, readTree(t, out)); diff != "" {
				t.Errorf("outputs mismatch (-want +got):\n%s", diff)
			}
		})
	}
	for name := range writers {
		if outputExt[name] == "" {
			t.Errorf("-format %s has no output extension", name)
		}
	}
}

// TestBatchJobs checks that the outputs and messages do not depend on the
// number of workers.
func TestBatchJobs(t *testing.T) {
	in := t.TempDir()
	files := map[string]string{"sample.txt": string(sample), "bad.txt": "ok\n\x00"}
	for i := range 8 {
		files[fmt.Sprintf("part%d/talk.txt", i)] = string(sample[i*500:])
		files[fmt.Sprintf("part%d/talk.srt", i)] = srtInput
		files[fmt.Sprintf("part%d/empty.txt", i)] = " \n"
	}
	writeTree(t, in, files)
	var first map[string]string
	var firstErr string
	for _, j := range []string{"1", "4", "16"} {
		out := t.TempDir()
		r := runCmd(t, "", "-o", out, "-j", j, in)
		if r.code != 1 {
			t.Errorf("-j %s: exit %d, want 1", j, r.code)
		}
		got := readTree(t, out)
		if len(got) != 17 {
			t.Errorf("-j %s: %d outputs, want 17: %v", j, len(got), keys(got))
		}
		if first == nil {
			first, firstErr = got, r.stderr
			continue
		}
		if diff := cmp.Diff(first, got); diff != "" {
			t.Errorf("-j %s: outputs differ from -j 1 (-j 1 +j %s):\n%s", j, j, diff)
		}
		if diff := cmp.Diff(firstErr, r.stderr); diff != "" {
			t.Errorf("-j %s: stderr differs from -j 1 (-j 1 +j %s):\n%s", j, j, diff)
		}
	}
}

// TestBatchPaths checks where the outputs go: under OUTDIR, at the input's
// path as given when it is relative, otherwise at its path below the
// directory argument, or at its base name.
func TestBatchPaths(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"archive/2020/ep1.txt":  interview,
		"archive/2021/ep1.txt":  interview,
		"archive/2021/ep1.srt":  srtInput,
		"archive/2021/ep1.json": `{"id": "gold"}`,
		"archive/top.vtt":       "WEBVTT\n\n00:01.000 --> 00:02.000\nWhy kelp?\n\n00:02.000 --> 00:05.000\nIt grows fast.\n",
		"other/2020/ep1.txt":    interview,
	})
	t.Chdir(root)
	abs := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	for _, tt := range []struct {
		name   string
		args   []string
		want   []string // output paths below OUTDIR
		stderr string
	}{
		{
			name: "relative directory",
			args: []string{"archive"},
			want: []string{"archive/2020/ep1.txt.json", "archive/2021/ep1.srt.json", "archive/2021/ep1.txt.json", "archive/top.vtt.json"},
		},
		{
			name: "absolute directory",
			args: []string{abs("archive")},
			want: []string{"2020/ep1.txt.json", "2021/ep1.srt.json", "2021/ep1.txt.json", "top.vtt.json"},
		},
		{
			name: "relative files, as find lists them",
			args: []string{"archive/2020/ep1.txt", "archive/2021/ep1.txt", "./archive/2021/ep1.srt"},
			want: []string{"archive/2020/ep1.txt.json", "archive/2021/ep1.srt.json", "archive/2021/ep1.txt.json"},
		},
		{
			name: "dot",
			args: []string{"."},
			want: []string{"archive/2020/ep1.txt.json", "archive/2021/ep1.srt.json", "archive/2021/ep1.txt.json", "archive/top.vtt.json", "other/2020/ep1.txt.json"},
		},
		{
			name: "a file twice",
			args: []string{"archive/top.vtt", "archive/top.vtt", "archive"},
			want: []string{"archive/2020/ep1.txt.json", "archive/2021/ep1.srt.json", "archive/2021/ep1.txt.json", "archive/top.vtt.json"},
		},
		{
			name:   "absolute files with one name",
			args:   []string{abs("archive/2020/ep1.txt"), abs("other/2020/ep1.txt")},
			want:   []string{"ep1.txt.json"},
			stderr: "diarize: " + abs("other/2020/ep1.txt") + ": the output OUT/ep1.txt.json is also that of " + abs("archive/2020/ep1.txt") + "\n",
		},
		{
			name:   "absolute directories with one tree",
			args:   []string{abs("archive/2020"), abs("other/2020")},
			want:   []string{"ep1.txt.json"},
			stderr: "diarize: " + abs("other/2020/ep1.txt") + ": the output OUT/ep1.txt.json is also that of " + abs("archive/2020/ep1.txt") + "\n",
		},
		{
			name:   "missing",
			args:   []string{"archive/top.vtt", "nope.txt"},
			want:   []string{"archive/top.vtt.json"},
			stderr: "diarize: stat nope.txt: no such file or directory\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			r := runCmd(t, "", append([]string{"-o", out}, tt.args...)...)
			if wantCode := min(1, len(tt.stderr)); r.code != wantCode {
				t.Errorf("exit %d, want %d", r.code, wantCode)
			}
			if diff := cmp.Diff(tt.stderr, strings.ReplaceAll(r.stderr, out, "OUT")); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, keys(readTree(t, out))); diff != "" {
				t.Errorf("outputs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestBatchOverwrite checks that an output never replaces an input, and
// that the output directory inside a walked directory is not walked.
func TestBatchOverwrite(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": interview, "a.txt.txt": "keep me"})
	t.Chdir(dir)
	r := runCmd(t, "", "-o", ".", "-format", "txt", ".")
	want := "diarize: a.txt: the output a.txt.txt would overwrite the input a.txt.txt\n"
	if r.code != 1 || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", r.code, r.stderr, want)
	}
	if b, _ := os.ReadFile("a.txt.txt"); string(b) != "keep me" {
		t.Errorf("a.txt.txt was overwritten: %q", b)
	}

	// Run twice into a directory inside the walked one: the second run
	// does not read the first one's outputs.
	dir = t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": interview, "a.txt.txt": "keep me"})
	t.Chdir(dir)
	for range 2 {
		r := runCmd(t, "", "-o", "out", "-format", "txt", "a.txt", ".")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if !strings.HasPrefix(r.stdout, "diarize: 2 files: 2 ok") {
			t.Errorf("summary %q, want 2 files (a.txt and a.txt.txt)", r.stdout)
		}
	}
	if diff := cmp.Diff([]string{"a.txt.txt", "a.txt.txt.txt"}, keys(readTree(t, "out"))); diff != "" {
		t.Errorf("outputs mismatch (-want +got):\n%s", diff)
	}
}

// TestBatchProgress checks the progress line: never when standard error
// is not a terminal, and rewritten in place, then cleared, when it is.
func TestBatchProgress(t *testing.T) {
	in := t.TempDir()
	writeTree(t, in, map[string]string{"a.txt": interview, "b.txt": "", "c.txt": interview})

	r := runCmd(t, "", "-o", t.TempDir(), in)
	if strings.Contains(r.stderr, "\r") {
		t.Errorf("progress written to a buffer: %q", r.stderr)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if code := run([]string{"-o", t.TempDir(), in}, strings.NewReader(""), io.Discard, f); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if b, _ := os.ReadFile(f.Name()); bytes.Contains(b, []byte("\r")) || !bytes.Contains(b, []byte("b.txt:1:1")) {
		t.Errorf("stderr in a file: %q, want the error and no progress", b)
	}
	if isTerminalWriter(f) || isTerminalWriter(&bytes.Buffer{}) {
		t.Errorf("a file or a buffer taken for a terminal")
	}

	// As if on a terminal. One worker finishes the files in order.
	var stderr bytes.Buffer
	b := &batch{write: writers["json"], ext: "json", outDir: t.TempDir(), jobs: 1, progress: true, stdout: io.Discard, stderr: &stderr}
	if code := b.runBatch([]string{in}); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	const clear = "\r\x1b[K"
	want := clear + "1/3 files, 0 failed, 0.0 MB" +
		clear + filepath.Join(in, "b.txt") + ":1:1: no text: the input is empty or only white space\n" +
		clear + "2/3 files, 1 failed, 0.0 MB"
	if got := stderr.String(); !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "3/3 files, 1 failed, 0.0 MB"+clear) {
		t.Errorf("stderr = %q\nwant it to start %q and end with 3/3 files and a cleared line", got, want)
	}
}

// TestBatchUsage checks the usage errors of batch mode.
func TestBatchUsage(t *testing.T) {
	path := writeFile(t, "a.txt", interview)
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"-o", t.TempDir()}, "diarize: -o needs input files or directories\n"},
		{[]string{"-o", t.TempDir(), "-sample"}, "diarize: -o takes input files, not -score or -sample\n"},
		{[]string{"-o", t.TempDir(), "-score", path}, "diarize: -o takes input files, not -score or -sample\n"},
		{[]string{"-o", t.TempDir(), "-j", "0", path}, "diarize: -j must be at least 1\n"},
		{[]string{"-j", "2", path}, "diarize: -j applies to batch mode (-o OUTDIR)\n"},
	} {
		r := runCmd(t, "", tt.args...)
		if r.code != 2 || r.stderr != tt.stderr {
			t.Errorf("diarize %q: exit %d, stderr %q; want 2, %q", tt.args, r.code, r.stderr, tt.stderr)
		}
	}
}

// TestWriteAtomic checks that a failed write leaves neither a partial
// output nor a temporary file, and keeps an older output.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "a.json")
	if err := writeAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "old"); return err }); err != nil {
		t.Fatal(err)
	}
	errDisk := errors.New("disk on fire")
	err := writeAtomic(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("half ", 100<<10)) // past the buffer, into the file
		return errDisk
	})
	if !errors.Is(err, errDisk) {
		t.Errorf("err = %v, want %v", err, errDisk)
	}
	if diff := cmp.Diff(map[string]string{"sub/a.json": "old"}, readTree(t, dir)); diff != "" {
		t.Errorf("files after a failed write (-want +got):\n%s", diff)
	}
}

// TestOtherJSON checks which walked JSON files are skipped.
func TestOtherJSON(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{`{"id": "gold", "text": "Hi.", "turns": [{"start": 0}]}`, true},
		{`{"version": 1, "turns": [], "note": "segments"}`, true},
		{`{"text": "Hi.", "segments": [{"text": "Hi."}]}`, false},
		{`{"text": "Hi.", "segments"`, false}, // broken: the parser says where
		{`{"text": "Hi."`, false},
		{`[1, 2]`, false},
		{`Why kelp?`, false},
	} {
		if got := otherJSON([]byte(tt.src)); got != tt.want {
			t.Errorf("otherJSON(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}
