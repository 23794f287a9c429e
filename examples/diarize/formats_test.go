package main

import (
	"strings"
	"testing"
)

const srtInput = "1\n00:00:01,000 --> 00:00:03,000\nWhat brought you to glassblowing?\n\n" +
	"2\n00:00:03,500 --> 00:00:09,500\nA broken vase, believe it or not. I wanted to fix it.\n"

func TestFormats(t *testing.T) {
	path := writeFile(t, "in.srt", srtInput)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{path}, `"start_time": 1,`},
		{[]string{"-format", "jsonl", path}, `"start_time":3.5,"end_time":9.5`},
		{[]string{"-format", "vtt", path}, "00:00:01.000 --> 00:00:03.000\n<v Interviewer>What brought you to glassblowing?</v>"},
		{[]string{"-format", "srt", path}, "1\n00:00:01,000 --> 00:00:03,000\nInterviewer: What brought you to glassblowing?"},
		{[]string{"-format", "md", path}, "[00:00:01] **Interviewer:** What brought you to glassblowing?"},
		{[]string{"-format", "txt", path}, "[00:00:03] Guest: A broken vase"},
		{[]string{"-format", "podcast", path}, `"startTime": 3.5,`},
		{[]string{"-format", "html", path}, `<section class="turn c2" data-speaker="S2" data-role="guest"`},
		{[]string{"-in", "text", "-format", "txt", path}, "Interviewer: 1 00:00:01,000"},
	} {
		r := runCmd(t, "", tt.args...)
		if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("diarize %v: exit %d, stdout does not hold %q:\n%s\n%s", tt.args, r.code, tt.want, r.stdout, r.stderr)
		}
	}
}

func TestFormatErrors(t *testing.T) {
	bad := writeFile(t, "bad.srt", "1\n00:00:01,000 --> 00:00:03,000\nHi.\n\n2\n00:00:04 --> 00:00:05,000\nBye.\n")
	r := runCmd(t, "", bad)
	if want := bad + ":6:9: malformed SRT: expected milliseconds after the seconds"; r.code != 1 || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("exit %d, stderr %q, want prefix %q", r.code, r.stderr, want)
	}
	for _, args := range [][]string{{"-format", "pdf"}, {"-in", "docx"}} {
		if r := runCmd(t, "", args...); r.code != 2 {
			t.Errorf("diarize %v: exit %d, want 2", args, r.code)
		}
	}
}
