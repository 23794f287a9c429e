package transcript_test

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript"
)

func TestSpeakerNames(t *testing.T) {
	const talk = "Welcome back. My guest today is Maya Ortiz, a kelp ecologist. Maya, how did you start? " +
		"I grew up on the coast and spent every summer in the water, watching the forests sway. " +
		"That sounds lovely. What keeps you going now, Maya? " +
		"Honestly the people I work with, and the fact that every dive still surprises me. " +
		"Thank you so much, Maya. Thanks, Sam, it was a pleasure."
	tests := []struct {
		name      string
		in        string
		names     speaker.Names
		want      [2]string // interviewer, guest
		wantEvid  int       // least number of evidence spans for the guest
		wantConf1 bool      // the guest's confidence is 1 (supplied)
		reason    string
	}{
		{"inferred", talk, nil, [2]string{"Sam", "Maya Ortiz"}, 3, false,
			"the interviewer introduces and addresses the guest; the guest signs off to Sam by name"},
		{"supplied", talk, speaker.Names{speaker.Interviewer: "Sam Lee", speaker.Guest: "Maya R. Ortiz"}, [2]string{"Sam Lee", "Maya R. Ortiz"}, 3, true,
			"supplied names are used as given, and their first names find the evidence"},
		{"none", "What is kelp? It is a large brown alga. Where does it grow? In cold, clear water.", nil, [2]string{"", ""}, 0, false,
			"no names in the text: none in the output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := transcript.Parser{Names: tt.names}
			tr, err := p.Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got := [2]string{tr.Speakers[0].Name, tr.Speakers[1].Name}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("names mismatch (-want +got):\n%s(%s)", diff, tt.reason)
			}
			g := tr.Speakers[1]
			if len(g.Evidence) < tt.wantEvid {
				t.Errorf("guest evidence = %v, want at least %d spans", g.Evidence, tt.wantEvid)
			}
			for _, e := range g.Evidence {
				if w := tt.in[e.Start:e.End]; speaker.FirstName(w) != "Maya" {
					t.Errorf("evidence [%d,%d) holds %q", e.Start, e.End, w)
				}
			}
			if (g.NameConfidence == 1) != tt.wantConf1 || g.Name == "" && g.NameConfidence != 0 || g.NameConfidence < 0 || g.NameConfidence > 1 {
				t.Errorf("guest name confidence = %v", g.NameConfidence)
			}
		})
	}
}

func TestStatsAndQuestions(t *testing.T) {
	src := "What is kelp? It is a large brown alga that grows fast. Where does it grow? In cold, clear water near rocky shores."
	tr, err := transcript.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// The expected figures come from the turns, whatever the decoder made
	// of them.
	var want [3]speaker.Stats
	total := 0
	for _, tu := range tr.Turns {
		w := len(strings.Fields(tu.Text))
		st := &want[tu.Role]
		st.Words += w
		st.Turns++
		st.LongestTurnWords = max(st.LongestTurnWords, w)
		total += w
		for _, s := range tu.Sentences {
			if s.Question >= transcript.QuestionThreshold {
				st.Questions++
			}
		}
	}
	if total != 23 {
		t.Errorf("words = %d, want 23 in all", total)
	}
	for _, s := range tr.Speakers {
		w := want[s.Role]
		if w.Turns > 0 {
			w.MeanTurnWords = math.Round(float64(w.Words)/float64(w.Turns)*10) / 10
		}
		w.Share = math.Round(float64(w.Words)/float64(total)*1000) / 1000
		if diff := cmp.Diff(&w, s.Stats); diff != "" {
			t.Errorf("%s stats mismatch (-want +got):\n%s", s.Role, diff)
		}
	}
	var qs []string
	for _, q := range tr.Questions {
		if src[q.Start:q.End] != q.Text {
			t.Errorf("question [%d,%d) text %q is not its bytes", q.Start, q.End, q.Text)
		}
		qs = append(qs, q.Text)
	}
	if diff := cmp.Diff([]string{"What is kelp?", "Where does it grow?"}, qs); diff != "" {
		t.Errorf("questions mismatch (-want +got):\n%s", diff)
	}
}
