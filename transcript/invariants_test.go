package transcript_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/transcript/score"
	"github.com/textdiarize/diarize/turn"
)

// TestInvariantsCorpus parses every file of the gold dev corpus (see
// [corpusDir]) and checks the output with [checkTranscript]. With
// DIARIZE_CORPUS_ALL=1 it also parses the train directory next to dev.
func TestInvariantsCorpus(t *testing.T) {
	dev := corpusDir(t)
	files := goldFiles(t, dev)
	if os.Getenv("DIARIZE_CORPUS_ALL") == "1" {
		train, err := filepath.Glob(filepath.Join(dev, "..", "train", "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		if len(train) == 0 {
			t.Errorf("DIARIZE_CORPUS_ALL=1 but no train/*.json next to %s", dev)
		}
		files = append(files, train...)
	}
	for _, file := range files {
		name := filepath.Base(filepath.Dir(file)) + "/" + strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g, err := score.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			src := []byte(g.Text)
			tr, err := transcript.Parse(src)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkTranscript(t, src, tr)
		})
	}
}

// TestInvariantsHandwritten checks small inputs written for the purpose:
// white space of every kind, multi-byte runes, a speech-recognition loop.
func TestInvariantsHandwritten(t *testing.T) {
	inputs := []struct{ name, src string }{
		{"dialogue", "So what got you into woodworking? My grandfather had a shop in his garage. " +
			"I spent every summer there. And do you still have his tools? A few of them, yes. The planes mostly."},
		{"one word", "Hello"},
		{"asr", "what made you start the company i think it was frustration mostly we kept losing data and nobody could tell us why"},
		{"white space", "  \tWhy?\vBecause.\fReally?\r\n\r\nYes, really.  \n"},
		{"multi-byte", "Bonjour, ça va ?\r\nOui, très bien. Et toi ?\r\nÇa va, merci — 👍 Tschüß! 東京は？ 大きい。"},
		{"invisible space", "Is it ready?\u00a0Almost\u200b done.\u3000Good? Good."},
		{"loop", "Can you hear me? yeah yeah yeah yeah yeah yeah yeah yeah yeah Okay, let's begin. What is your name? It's Sam."},
		{"loop at the ends", "go go go go go go go go What happened next? We shipped it. on on on on on on on on"},
		{"punctuation runs", `He said "stop!" and left... Did he?! He did. (Mostly.) Right?`},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			src := []byte(in.src)
			tr, err := transcript.Parse(src)
			if err != nil {
				t.Fatalf("Parse(%q): %v", in.src, err)
			}
			checkTranscript(t, src, tr)
		})
	}
}

// TestCheckTranscriptCatches breaks a good parse in several ways and
// expects checkTranscript to notice each.
func TestCheckTranscriptCatches(t *testing.T) {
	src := []byte("Where were you born? In a small town by the sea. Did you like it? Not at first. " +
		"Why not? It rained all year. And now? Now I miss the rain.")
	breaks := []struct {
		name  string
		apply func(tr *transcript.Transcript)
	}{
		{"overlap", func(tr *transcript.Transcript) { tr.Turns[1].Start = tr.Turns[0].End - 2 }},
		{"gap", func(tr *transcript.Transcript) { tr.Turns[1].Start += 3 }},
		{"same role", func(tr *transcript.Transcript) { tr.Turns[1].Role = tr.Turns[0].Role }},
		{"unknown role", func(tr *transcript.Transcript) { tr.Turns[0].Role = speaker.Unknown }},
		{"text", func(tr *transcript.Transcript) { tr.Turns[0].Text += "!" }},
		{"past the end", func(tr *transcript.Transcript) { tr.Turns[len(tr.Turns)-1].End = len(src) + 1 }},
		{"empty turn", func(tr *transcript.Transcript) { tr.Turns[0].End = tr.Turns[0].Start }},
		{"noise out of range", func(tr *transcript.Transcript) {
			tr.Noise = append(tr.Noise, transcript.Noise{Span: turn.Span{Start: len(src), End: len(src) + 4}, Kind: transcript.Repetition})
		}},
		{"noise across a turn edge", func(tr *transcript.Transcript) {
			e := tr.Turns[0].End
			tr.Noise = append(tr.Noise, transcript.Noise{Span: turn.Span{Start: e - 2, End: e + 2}, Kind: transcript.Repetition})
		}},
	}
	for _, b := range breaks {
		t.Run(b.name, func(t *testing.T) {
			tr, err := transcript.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			if len(tr.Turns) < 2 {
				t.Skipf("the parser found %d turns; the breaks need two", len(tr.Turns))
			}
			b.apply(tr)
			rec := &recorder{TB: t}
			checkTranscript(rec, src, tr)
			if len(rec.errs) == 0 {
				t.Errorf("checkTranscript found nothing wrong")
			}
		})
	}
}

// A recorder is a testing.TB that records errors instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// checkTranscript checks the documented invariants of tr, the parse of
// src, and reports each violation with t.Errorf (the first twenty):
//
//   - tr.Source is src;
//   - turns are non-empty, in order, disjoint, within src and on rune
//     boundaries; Index counts from 0; consecutive turns have different
//     roles; every role is interviewer or guest, the role of the turn's
//     speaker; Confidence lies in [0, 1]; sentences lie inside their turn,
//     in order;
//   - the transcript's Confidence lies between the least and the greatest
//     of the confidences of the turns with words, and is 0 with none;
//   - noise spans are non-empty, in order, disjoint, within src and on rune
//     boundaries, and each lies between turns or inside one turn's range;
//   - every non-space byte (as the scorer counts space) is in a turn or a
//     noise span;
//   - a turn's Text is src[Start:End] when no noise is inside it, and has
//     the words of that range less the noise otherwise;
//   - WriteJSON writes valid JSON that decodes to the same speakers, turns
//     and noise, with roles spelled "interviewer" and "guest".
//
// It runs in time linear in the input and the spans (plus a binary search
// per span), so fuzz tests can call it on any input that parses.
func checkTranscript(t testing.TB, src []byte, tr *transcript.Transcript) {
	t.Helper()
	var errs []string
	errorf := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf(format, args...))
	}
	defer func() {
		for i, e := range errs {
			if i == 20 {
				t.Errorf("... and %d more", len(errs)-i)
				break
			}
			t.Errorf("%s", e)
		}
	}()

	if !bytes.Equal(tr.Source(), src) {
		errorf("Source() is not the input")
	}
	runeStart := func(off int) bool {
		return off == len(src) || (off >= 0 && off < len(src) && utf8.RuneStart(src[off]))
	}
	inRange := func(s turn.Span) bool { return 0 <= s.Start && s.Start < s.End && s.End <= len(src) }
	roleOf := map[string]speaker.Role{}
	for _, s := range tr.Speakers {
		roleOf[s.ID] = s.Role
	}
	covered := make([]bool, len(src))
	cover := func(s turn.Span) {
		for k := max(0, s.Start); k < min(s.End, len(src)); k++ {
			covered[k] = true
		}
	}

	prevEnd := 0
	for i, tu := range tr.Turns {
		switch {
		case !inRange(tu.Span):
			errorf("turn %d: [%d,%d) is empty or outside the input (%d bytes)", i, tu.Start, tu.End, len(src))
		case !runeStart(tu.Start) || !runeStart(tu.End):
			errorf("turn %d: [%d,%d) splits a rune", i, tu.Start, tu.End)
		}
		if tu.Start < prevEnd {
			errorf("turn %d: starts at %d, before the previous turn's end %d", i, tu.Start, prevEnd)
		}
		prevEnd = max(prevEnd, tu.End)
		if tu.Index != i {
			errorf("turn %d: Index = %d", i, tu.Index)
		}
		if tu.Role != speaker.Interviewer && tu.Role != speaker.Guest {
			errorf("turn %d: role %v, want interviewer or guest", i, tu.Role)
		}
		if i > 0 && tu.Role == tr.Turns[i-1].Role {
			errorf("turns %d and %d: both %v", i-1, i, tu.Role)
		}
		if r, ok := roleOf[tu.Speaker]; !ok || r != tu.Role {
			errorf("turn %d: speaker %q is not a speaker with role %v", i, tu.Speaker, tu.Role)
		}
		if !(tu.Confidence >= 0 && tu.Confidence <= 1) {
			errorf("turn %d: confidence %v outside [0, 1]", i, tu.Confidence)
		}
		sEnd := tu.Start
		for j, s := range tu.Sentences {
			if s.Start < sEnd || s.End <= s.Start || s.End > tu.End {
				errorf("turn %d sentence %d: [%d,%d) is empty, out of order or outside the turn [%d,%d)", i, j, s.Start, s.End, tu.Start, tu.End)
			}
			sEnd = max(sEnd, s.End)
		}
		cover(tu.Span)
	}
	// The transcript's confidence is a weighted mean of the confidences
	// of the turns that have words, all multiples of 0.001, so rounded to
	// one it stays between their least and greatest; 0 with no words.
	lo, hi, worded := 1.0, 0.0, false
	for _, tu := range tr.Turns {
		if strings.IndexFunc(tu.Text, func(r rune) bool { return r >= 0x80 || !isASCIISpace(byte(r)) }) >= 0 {
			lo, hi, worded = min(lo, tu.Confidence), max(hi, tu.Confidence), true
		}
	}
	if c := tr.Confidence; worded && !(c >= lo-1e-9 && c <= hi+1e-9) {
		errorf("confidence %v outside the turns' [%v, %v]", c, lo, hi)
	} else if !worded && c != 0 {
		errorf("confidence %v with no words, want 0", c)
	}

	prevEnd = 0
	for i, n := range tr.Noise {
		switch {
		case !inRange(n.Span):
			errorf("noise %d: [%d,%d) is empty or outside the input (%d bytes)", i, n.Start, n.End, len(src))
		case !runeStart(n.Start) || !runeStart(n.End):
			errorf("noise %d: [%d,%d) splits a rune", i, n.Start, n.End)
		}
		if n.Start < prevEnd {
			errorf("noise %d: starts at %d, before the previous noise's end %d", i, n.Start, prevEnd)
		}
		prevEnd = max(prevEnd, n.End)
		// The turns are in order (or reported above): search them.
		for j := sort.Search(len(tr.Turns), func(j int) bool { return tr.Turns[j].End > n.Start }); j < len(tr.Turns) && tr.Turns[j].Start < n.End; j++ {
			tu := tr.Turns[j]
			if inside := tu.Start <= n.Start && n.End <= tu.End; !inside {
				errorf("noise %d [%d,%d) crosses the edge of turn %d [%d,%d)", i, n.Start, n.End, j, tu.Start, tu.End)
			}
		}
		cover(n.Span)
	}

	for k, c := range src {
		if !covered[k] && !isASCIISpace(c) {
			p := tr.Position(k)
			errorf("byte %d (%s) of %q is in no turn and no noise span", k, p, src[k:min(k+20, len(src))])
			break
		}
	}

	for i, tu := range tr.Turns {
		if !inRange(tu.Span) {
			continue
		}
		var kept [][]byte // the turn's bytes outside noise
		pos := tu.Start
		for k := sort.Search(len(tr.Noise), func(k int) bool { return tr.Noise[k].End > tu.Start }); k < len(tr.Noise) && tr.Noise[k].Start < tu.End; k++ {
			n := tr.Noise[k]
			kept = append(kept, src[pos:max(pos, min(n.Start, tu.End))])
			pos = max(pos, min(n.End, tu.End))
		}
		if len(kept) == 0 {
			if tu.Text != string(src[tu.Start:tu.End]) {
				errorf("turn %d: Text %q, want input[%d:%d] = %q", i, tu.Text, tu.Start, tu.End, src[tu.Start:tu.End])
			}
			continue
		}
		kept = append(kept, src[pos:tu.End])
		var want []string
		for _, b := range kept {
			want = append(want, strings.Fields(string(b))...)
		}
		if diff := cmp.Diff(want, strings.Fields(tu.Text)); diff != "" {
			errorf("turn %d: the words of Text are not those of its range less the noise (-want +got):\n%s", i, diff)
		}
	}

	checkTeaser(errorf, src, tr)
	checkJSON(errorf, tr)
}

// checkTeaser checks the cold open: none, or a span of the input on rune
// boundaries that starts at a word (not in noise or white space); and the
// turns marked as part of it are exactly those more than half inside it.
func checkTeaser(errorf func(string, ...any), src []byte, tr *transcript.Transcript) {
	s := tr.Teaser
	if s != (turn.Span{}) {
		switch {
		case s.Start < 0 || s.End <= s.Start || s.End > len(src):
			errorf("teaser [%d,%d) is empty or outside the input (%d bytes)", s.Start, s.End, len(src))
			return
		case !utf8.RuneStart(src[s.Start]) || (s.End < len(src) && !utf8.RuneStart(src[s.End])):
			errorf("teaser [%d,%d) splits a rune", s.Start, s.End)
		case isASCIISpace(src[s.Start]):
			errorf("teaser [%d,%d) starts with white space", s.Start, s.End)
		}
		for _, n := range tr.Noise {
			if n.Contains(s.Start) {
				errorf("teaser [%d,%d) starts inside noise [%d,%d)", s.Start, s.End, n.Start, n.End)
			}
		}
	}
	for i, tu := range tr.Turns {
		in := max(0, min(tu.End, s.End)-max(tu.Start, s.Start))
		if want := 2*in > tu.Len(); tu.Teaser != want {
			errorf("turn %d [%d,%d): Teaser = %v, want %v with the teaser [%d,%d)", i, tu.Start, tu.End, tu.Teaser, want, s.Start, s.End)
		}
	}
}

// checkJSON checks that tr's JSON is valid and decodes back to tr.
func checkJSON(errorf func(string, ...any), tr *transcript.Transcript) {
	var buf bytes.Buffer
	if err := tr.WriteJSON(&buf); err != nil {
		errorf("WriteJSON: %v", err)
		return
	}
	if !json.Valid(buf.Bytes()) {
		errorf("WriteJSON wrote invalid JSON:\n%s", buf.Bytes())
		return
	}
	type document struct {
		Version    int                `json:"version"`
		Confidence float64            `json:"confidence"`
		Speakers   []speaker.Speaker  `json:"speakers"`
		Turns      []turn.Turn        `json:"turns"`
		Noise      []transcript.Noise `json:"noise"`
		Teaser     turn.Span          `json:"teaser"`
	}
	var got document
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		errorf("decoding the JSON: %v", err)
		return
	}
	want := document{Version: transcript.Version, Confidence: tr.Confidence, Speakers: tr.Speakers, Turns: tr.Turns, Noise: tr.Noise, Teaser: tr.Teaser}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		errorf("the JSON does not round-trip (-want +got):\n%s", diff)
	}

	// The wire form, as another language reads it.
	var wire struct {
		Turns []struct {
			Role  string `json:"role"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"turns"`
	}
	if err := json.Unmarshal(buf.Bytes(), &wire); err != nil {
		errorf("decoding the JSON: %v", err)
		return
	}
	for i, w := range wire.Turns {
		if i < len(tr.Turns) && (w.Role != tr.Turns[i].Role.String() || w.Start != tr.Turns[i].Start || w.End != tr.Turns[i].End) {
			errorf("turn %d in JSON: role %q [%d,%d), want %q [%d,%d)", i, w.Role, w.Start, w.End,
				tr.Turns[i].Role, tr.Turns[i].Start, tr.Turns[i].End)
		}
	}
}

// isASCIISpace reports the bytes the scorer counts as space.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
