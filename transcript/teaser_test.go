package transcript_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/transcript/score"
	"github.com/textdiarize/diarize/turn"
)

// coldBody returns the sample interview without its own cold open: from
// "Welcome back to Low Tide" on. No passage of its opening recurs.
func coldBody(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSpace(string(b))
	i := strings.Index(s, "Welcome back to Low Tide")
	if i < 0 {
		t.Fatalf("%s has changed: no %q", samplePath, "Welcome back to Low Tide")
	}
	return s[i:]
}

// Clips of the body, as a cold open plays them.
const (
	clipBarrens = "We call them urchin barrens. Just bare rock and millions of purple spines."
	clipSushi   = "Wait, so the sushi I had last month might have been part of a restoration project? It might have!"
	clipTuesday = "I'm not saying it shouldn't happen. I actually think it should, in some places. But it's not something you just do on a Tuesday."
)

// asrText is s as automatic captions write it: lowercase, with no
// punctuation but the apostrophes.
func asrText(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || unicode.IsSpace(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, s)), " ")
}

func TestTeaser(t *testing.T) {
	body := coldBody(t)
	clips := clipBarrens + " " + clipSushi + " " + clipTuesday
	for _, c := range []string{clipBarrens, clipSushi, clipTuesday} {
		if !strings.Contains(body, c) {
			t.Fatalf("the sample has changed: no clip %q", c)
		}
	}
	// The clips as a recognizer might hear them the first time: commas
	// and capitals lost, a filler added, a word misheard, the last word
	// of the last clip cut short.
	misheard := "we call them urchin barrens just bare rock and uh millions of purple spines. " +
		"Wait so the sushi I had last month might have been part of a restoration project? It might have! " +
		"I'm not saying it shouldn't happen. I actually think it should in some places. But it's not something you just do on a Tues-"
	asrBody, asrClips := asrText(body), asrText(clips)
	// An opening phrase said again later, in an interview with no cold open.
	echo := strings.Replace(body, "Got it. Let me ask about the day-to-day",
		"Got it. Welcome back to Low Tide, the show where we talk to people. Let me ask about the day-to-day", 1)
	// A speech-recognition loop at the start and the same loop later:
	// noise, not a clip.
	loop := strings.Repeat("otters ", 30)
	looped := loop + body + " " + loop + "otters."

	tests := []struct {
		name   string
		src    string
		want   turn.Span
		reason string
	}{
		{"cold open", clips + " " + body, turn.Span{End: len(clips)},
			"three clips of the interview, then the interview: the cold open ends with the last clip"},
		{"no cold open", body, turn.Span{},
			"an interview that starts with its welcome has no cold open"},
		{"misheard clips", misheard + " " + body, turn.Span{End: len(misheard)},
			"punctuation, case, a filler and a misheard word do not hide a recurrence, and the end of a sentence a word short is taken along"},
		{"lowercase", asrClips + " " + asrBody, turn.Span{End: len(asrClips)},
			"automatic captions: no capitals, no punctuation"},
		{"pasted twice", body + "\n\n" + body, turn.Span{},
			"a transcript pasted twice recurs from start to end: its start is the interview, not clips of it"},
		{"cold open pasted twice", clips + " " + body + "\n" + clips + " " + body, turn.Span{},
			"pasted twice, the interview after the clips recurs too, so nothing marks where clips end and interview starts"},
		{"a phrase said again", echo, turn.Span{},
			"one recurring phrase is too little for a cold open"},
		{"loop", looped, turn.Span{},
			"a speech-recognition loop is noise, and noise never counts as recurrence"},
		{"clips only", clips, turn.Span{},
			"clips that recur nowhere are no cold open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			tr, err := transcript.Parse(src)
			if err != nil {
				t.Fatal(err)
			}
			checkTranscript(t, src, tr)
			if diff := cmp.Diff(tt.want, tr.Teaser); diff != "" {
				t.Errorf("Teaser mismatch (-want +got):\n%s\nbecause %s\ngot %q", diff, tt.reason, src[tr.Teaser.Start:tr.Teaser.End])
			}
			// The turns marked are the turns mostly inside the cold open.
			var got, want []int
			for i, tu := range tr.Turns {
				if tu.Teaser {
					got = append(got, i)
				}
				if in := min(tu.End, tt.want.End) - max(tu.Start, tt.want.Start); 2*in > tu.Len() {
					want = append(want, i)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("teaser turns mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTeaserSeed checks the cold open of the seed transcript. Its first
// 873 bytes are clips that the episode plays again later, after a
// "bending bending" fragment of the recognizer's loop (noise, bytes
// [0,15), then a space):
//
//   - "So I started playing with Claude. It's getting to that point where
//     sometimes it surprises me by how much it knows me. I don't know if
//     that makes sense." (the interviewer; again near byte 21,800);
//   - "It is surprising to me that we are, in my view, so close to these
//     models reaching the level of human intelligence. ... there hasn't
//     been a public awareness of the risk." (the guest; near 20,100, with
//     "you know"s that the clip has cut);
//   - "What is India's role in all this?" (the interviewer; near 35,100);
//   - "Many other companies come here as themselves a consumer company. And
//     they see India as a market, right? A place to obtain consumers. We
//     actually see things a little bit differently." (the guest; near
//     35,700, where the recognizer's loop swallows its last sentence).
//
// The interview itself starts at byte 873 with the first question, "What
// did you do before founding Anthropic?", which is said only once. So the
// cold open is [16,873): from the first word that is not noise to the end
// of the last clip.
func TestTeaserSeed(t *testing.T) {
	file := filepath.Join(corpusDir(t), "seed.json")
	if _, err := os.Stat(file); err != nil {
		t.Skipf("no seed transcript %s: set DIARIZE_CORPUS to the gold dev corpus (%v)", file, err)
	}
	g, err := score.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	src := []byte(g.Text)
	tr, err := transcript.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	const first, last = "So I started playing with Claude.", "We actually see things a little bit differently."
	want := turn.Span{Start: strings.Index(g.Text, first), End: strings.Index(g.Text, last) + len(last)}
	if want != (turn.Span{Start: 16, End: 873}) {
		t.Fatalf("the seed transcript has changed: the clips are at %v", want)
	}
	if diff := cmp.Diff(want, tr.Teaser); diff != "" {
		t.Errorf("Teaser mismatch (-want +got):\n%s\ngot %q", diff, src[tr.Teaser.Start:tr.Teaser.End])
	}
	for _, tu := range tr.Turns {
		if tu.Teaser {
			t.Logf("teaser turn %d %v [%d,%d) %.60q", tu.Index, tu.Role, tu.Start, tu.End, tu.Text)
		}
	}

	// The same as automatic captions: the clips are still found, though
	// without sentences the end can only be where the recurrence stops,
	// "obtain consumers", since the clip's last sentence never recurs.
	asr := asrText(g.Text)
	tr, err = transcript.Parse([]byte(asr))
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Teaser
	if s.Len() == 0 {
		t.Fatalf("no cold open in the seed as captions")
	}
	if !strings.HasPrefix(asr[s.Start:], "so i started playing with claude") {
		t.Errorf("the cold open of the captions starts at %d: %.40q", s.Start, asr[s.Start:])
	}
	end := strings.Index(asr, "what did you do before founding anthropic")
	if lo := strings.Index(asr, "obtain consumers") + len("obtain consumers"); s.End < lo || s.End > end {
		t.Errorf("the cold open of the captions ends at %d, want between %d and %d: %q", s.End, lo, end, asr[s.Start:s.End])
	}
}

// TestTeaserCorpus reports which files of the gold dev corpus have a cold
// open (run with -v) and checks that only the seed has one. The other
// transcripts were read for it: they open with the host's welcome or
// introduction ("Alright, I'm here with Leslie Lamport", "Andrew, welcome
// back to the show"), and no passage of their first minutes comes back
// later, in either variant.
func TestTeaserCorpus(t *testing.T) {
	files := goldFiles(t, corpusDir(t))
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		g, err := score.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := transcript.Parse([]byte(g.Text))
		if err != nil {
			t.Fatal(err)
		}
		s, n := tr.Teaser, 0
		for _, tu := range tr.Turns {
			if tu.Teaser {
				n++
			}
		}
		if s.Len() == 0 {
			t.Logf("%-45s no cold open", name)
		} else {
			t.Logf("%-45s cold open [%d,%d), %d words, %d turns: %.60q...", name, s.Start, s.End,
				len(strings.Fields(g.Text[s.Start:s.End])), n, g.Text[s.Start:s.End])
		}
		if got, want := s.Len() > 0, name == "seed"; got != want {
			t.Errorf("%s: cold open %v, want one: %v", name, s, want)
		}
	}
}
