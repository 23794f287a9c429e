package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// result is one run of the command.
type result struct {
	code           int
	stdout, stderr string
}

func runCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// output is the part of the JSON output the tests read.
type output struct {
	Version int `json:"version"`
	Turns   []struct {
		Role  string `json:"role"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"turns"`
}

func decode(t *testing.T, s string) output {
	t.Helper()
	var out output
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, s)
	}
	if out.Version != 1 {
		t.Errorf("version = %d, want 1", out.Version)
	}
	return out
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const interview = "Welcome to the show. What do you study? I study tide pools. " +
	"Mostly the snails. They are slower than you would think. " +
	"And a lot more stubborn. Why snails?"

func TestRunSample(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"-sample"}, "diarize: parsing the built-in sample interview\n"},
		{nil, "diarize: no input given; parsing the built-in sample interview (-sample)\n"},
	} {
		args := tt.args
		t.Run(strings.Join(append([]string{"args"}, args...), " "), func(t *testing.T) {
			// Nothing piped in: no standard input at all.
			var stdout, stderr bytes.Buffer
			code := run(args, nil, &stdout, &stderr)
			r := result{code, stdout.String(), stderr.String()}
			if r.code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			out := decode(t, r.stdout)
			if len(out.Turns) == 0 {
				t.Errorf("no turns for the sample")
			}
			if r.stderr != tt.stderr {
				t.Errorf("stderr = %q, want %q", r.stderr, tt.stderr)
			}
			if out.Turns[0].Start != 0 || out.Turns[len(out.Turns)-1].End != len(bytes.TrimRight(sample, "\n")) {
				t.Errorf("turns run from %d to %d, want the whole sample [0,%d)", out.Turns[0].Start, out.Turns[len(out.Turns)-1].End, len(bytes.TrimRight(sample, "\n")))
			}
		})
	}
}

// TestRunSampleWithFile checks that -sample with a FILE is a usage error:
// the command cannot parse both.
func TestRunSampleWithFile(t *testing.T) {
	path := writeFile(t, "snails.txt", interview)
	r := runCmd(t, "", "-sample", path)
	if r.code != 2 {
		t.Errorf("exit %d, want 2 (usage)", r.code)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %q, want nothing", r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "diarize: -sample takes no FILE\nusage:") {
		t.Errorf("stderr = %q, want the error and the usage", r.stderr)
	}
}

func TestRunFile(t *testing.T) {
	path := writeFile(t, "snails.txt", interview)
	r := runCmd(t, "ignored stdin", path)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want nothing", r.stderr)
	}
	out := decode(t, r.stdout)
	if len(out.Turns) == 0 || out.Turns[0].Start != 0 {
		t.Fatalf("turns = %+v, want the first to start at 0", out.Turns)
	}
	var words []string
	for _, tu := range out.Turns {
		if got, want := tu.Text, interview[tu.Start:tu.End]; got != want {
			t.Errorf("turn text %q, want the input bytes %q", got, want)
		}
		words = append(words, strings.Fields(tu.Text)...)
	}
	if diff := cmp.Diff(strings.Fields(interview), words); diff != "" {
		t.Errorf("the turns do not hold the input's words (-want +got):\n%s", diff)
	}
}

func TestRunStdin(t *testing.T) {
	r := runCmd(t, interview)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr = %q, want nothing", r.stderr)
	}
	fromStdin := decode(t, r.stdout)
	fromFile := runCmd(t, "", writeFile(t, "in.txt", interview))
	if diff := cmp.Diff(fromFile.stdout, r.stdout); diff != "" {
		t.Errorf("stdin and file outputs differ (-file +stdin):\n%s", diff)
	}
	if len(fromStdin.Turns) == 0 {
		t.Errorf("no turns")
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("Welcome to the show.\nThanks, it's gr\xffeat to be here."), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte("Hello and welcome.\nThanks."), 0o644); err != nil {
		t.Fatal(err)
	}
	blank := filepath.Join(dir, "blank.txt")
	if err := os.WriteFile(blank, []byte(" \n\n "), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStderr string // exact, unless prefix is set
		prefix     bool
		reason     string
	}{
		{
			name:       "invalid UTF-8",
			args:       []string{bad},
			wantCode:   1,
			wantStderr: bad + ":2:16: invalid UTF-8: byte 0xff\n",
			reason:     "file:line:col: message, the go/token form editors jump to",
		},
		{
			name:       "binary stdin",
			stdin:      "ok\n\x00",
			wantCode:   1,
			wantStderr: "<stdin>:2:1: binary data: control character U+0000\n",
			reason:     "standard input is named <stdin>",
		},
		{
			name:       "over -max-bytes",
			args:       []string{"-max-bytes", "20", big},
			wantCode:   1,
			wantStderr: big + ":2:2: input too large: 26 bytes, the limit is 20\n",
			reason:     "the limit is a flag",
		},
		{
			name:       "blank file",
			args:       []string{blank},
			wantCode:   1,
			wantStderr: blank + ":1:1: no text: the input is empty or only white space\n",
			reason:     "a blank file is an error, not an empty transcript",
		},
		{
			name:       "empty pipe",
			wantCode:   1,
			wantStderr: "<stdin>:1:1: no text: the input is empty or only white space\n",
			reason:     "an empty pipe is empty input (a failed step upstream), not a request for the sample",
		},
		{
			name:       "missing file",
			args:       []string{missing},
			wantCode:   1,
			wantStderr: "diarize: open " + missing + ": no such file or directory\n",
			reason:     "an unreadable file fails before parsing",
		},
		{
			name:       "bad flag",
			args:       []string{"-nope"},
			wantCode:   2,
			wantStderr: "flag provided but not defined: -nope\nusage: diarize",
			prefix:     true,
			reason:     "usage errors exit 2 and print the usage",
		},
		{
			name:       "bad flag value",
			args:       []string{"-max-bytes", "lots"},
			wantCode:   2,
			wantStderr: `invalid value "lots" for flag -max-bytes`,
			prefix:     true,
			reason:     "a flag value that does not parse is a usage error",
		},
		{
			name:       "two files",
			args:       []string{bad, big},
			wantCode:   2,
			wantStderr: "diarize: one input file at a time; -o OUTDIR parses many\n",
			reason:     "one transcript per run",
		},
		{
			name:       "explain vtt",
			args:       []string{"-explain", "-format", "vtt", big},
			wantCode:   2,
			wantStderr: "diarize: -explain applies to -format json, txt and md, not vtt\n",
			reason:     "the subtitle, podcast and HTML formats have no place for explanations",
		},
		{
			name:       "explain summary",
			args:       []string{"-explain", "-summary", big},
			wantCode:   2,
			wantStderr: "diarize: -explain applies to -format json, txt and md, not -summary\n",
			reason:     "the summary explains no turn",
		},
		{
			name:       "help",
			args:       []string{"-h"},
			wantCode:   0,
			wantStderr: "usage: diarize [flags] [FILE]",
			prefix:     true,
			reason:     "asking for help is not an error",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd(t, tt.stdin, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d (%s)\nstderr:\n%s", r.code, tt.wantCode, tt.reason, r.stderr)
			}
			if tt.wantCode != 0 && r.stdout != "" {
				t.Errorf("stdout = %q, want nothing on failure", r.stdout)
			}
			got := r.stderr
			if tt.prefix {
				got = got[:min(len(got), len(tt.wantStderr))]
			}
			if diff := cmp.Diff(tt.wantStderr, got); diff != "" {
				t.Errorf("stderr mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
		})
	}
}

func TestSampleText(t *testing.T) {
	text := strings.TrimSuffix(string(sample), "\n")
	if strings.ContainsAny(text, "\n\r") {
		t.Errorf("sample.txt is not flattened onto one line")
	}
	words := strings.Fields(text)
	if n := len(words); n < 1500 || n > 2000 {
		t.Errorf("sample.txt has %d words, want 1500–2000", n)
	}
	if start, n := longestRun(words); n < 30 {
		t.Errorf("sample.txt's longest run of one word is %d (%q), want a speech-recognition loop of about 40", n, words[start])
	}
}

// longestRun returns the start and length of the longest run of one
// repeated word.
func longestRun(words []string) (start, n int) {
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && words[j] == words[i] {
			j++
		}
		if j-i > n {
			start, n = i, j-i
		}
		i = j
	}
	return start, n
}

// goldTurn is one line of testdata/sample.turns.
type goldTurn struct {
	role   string
	prefix string
	start  int // byte offset of prefix in sample.txt
}

// readGold reads testdata/sample.turns and places each turn in the sample:
// every line's words are found after the previous line's.
func readGold(t *testing.T, text string) []goldTurn {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sample.turns"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var gold []goldTurn
	pos := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		role, prefix, ok := strings.Cut(sc.Text(), "\t")
		if !ok || (role != "interviewer" && role != "guest") || prefix == "" {
			t.Fatalf("sample.turns:%d: want ROLE<TAB>FIRST WORDS, got %q", line, sc.Text())
		}
		i := strings.Index(text[pos:], prefix)
		if i < 0 {
			t.Fatalf("sample.turns:%d: %q not found after byte %d of sample.txt", line, prefix, pos)
		}
		g := goldTurn{role: role, prefix: prefix, start: pos + i}
		if len(gold) > 0 && gold[len(gold)-1].role == role {
			t.Errorf("sample.turns:%d: two %s turns in a row", line, role)
		}
		if g.start > 0 && text[g.start-1] != ' ' {
			t.Errorf("sample.turns:%d: %q starts inside a word", line, prefix)
		}
		gold = append(gold, g)
		pos = g.start + len(prefix)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 || gold[0].start != 0 {
		t.Fatalf("sample.turns must start with the first words of sample.txt")
	}
	return gold
}

// TestSampleAccuracy scores the parser on the hand-labelled turns of the
// sample interview, the way the corpus is scored: each word (a run of
// non-space bytes) takes the role of the turn holding its first byte, and
// the share of words whose role matches is the word accuracy. The words
// of the speech-recognition loop are nobody's and are not counted. The
// figure is logged, not asserted: the parser is being improved.
func TestSampleAccuracy(t *testing.T) {
	text := strings.TrimSuffix(string(sample), "\n")
	gold := readGold(t, text)

	r := runCmd(t, "", "-sample")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	var out struct {
		Turns []struct {
			Role  string `json:"role"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"turns"`
		Noise []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"noise"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}

	words := strings.Fields(text)
	loopStart, loopLen := longestRun(words)
	var right, total, g, p, wi int
	var goldChanges, predChanges int
	prevGold, prevPred := "", ""
	for i := 0; i < len(text); wi++ {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		if i == len(text) {
			break
		}
		start := i
		for i < len(text) && text[i] != ' ' {
			i++
		}
		if wi >= loopStart && wi < loopStart+loopLen {
			continue
		}
		for g+1 < len(gold) && gold[g+1].start <= start {
			g++
		}
		for p < len(out.Turns) && out.Turns[p].End <= start {
			p++
		}
		pred := "none"
		if p < len(out.Turns) && out.Turns[p].Start <= start {
			pred = out.Turns[p].Role
		}
		for _, n := range out.Noise {
			if n.Start <= start && start < n.End {
				pred = "noise"
			}
		}
		total++
		if pred == gold[g].role {
			right++
		}
		if prevGold != "" && gold[g].role != prevGold {
			goldChanges++
		}
		if prevPred != "" && pred != prevPred {
			predChanges++
		}
		prevGold, prevPred = gold[g].role, pred
	}
	if total == 0 {
		t.Fatal("no words scored")
	}
	t.Logf("sample: word accuracy %.3f (%d/%d words), %d turns predicted, %d gold; %d speaker changes predicted, %d gold",
		float64(right)/float64(total), right, total, len(out.Turns), len(gold), predChanges, goldChanges)
}
