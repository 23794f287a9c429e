package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

const namedInterview = "Welcome back. My guest today is Maya Ortiz, a kelp ecologist. Maya, how did you start? " +
	"I grew up on the coast and spent every summer in the water, watching the forests sway. " +
	"What keeps you going now, Maya? Honestly the people I work with, and every dive still surprises me."

func TestSpeakersFlag(t *testing.T) {
	r := runCmd(t, namedInterview, "-speakers", "Sam Lee=interviewer, Maya Ortiz=guest")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	var out struct {
		Speakers []struct {
			Role, Name string
			Stats      *struct{ Words int }
		}
		Questions []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Speakers) != 2 || out.Speakers[0].Name != "Sam Lee" || out.Speakers[1].Name != "Maya Ortiz" {
		t.Errorf("speakers = %+v, want Sam Lee and Maya Ortiz", out.Speakers)
	}
	for _, s := range out.Speakers {
		if s.Stats == nil {
			t.Errorf("%s: no stats", s.Role)
		}
	}
	if len(out.Questions) == 0 {
		t.Errorf("no questions")
	}
}

func TestSpeakersFlagErrors(t *testing.T) {
	for _, v := range []string{"Sam Lee", "Sam=host", "A=guest,B=guest"} {
		r := runCmd(t, namedInterview, "-speakers", v)
		if r.code != 2 || !strings.Contains(r.stderr, "-speakers") {
			t.Errorf("-speakers %q: exit %d, stderr %q; want 2 and a message", v, r.code, r.stderr)
		}
	}
}

func TestSummary(t *testing.T) {
	r := runCmd(t, namedInterview, "-summary")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"speaker", "words", "share", "S1", "interviewer", "S2", "guest", "Maya Ortiz", "The interviewer's questions", "1:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.HasPrefix(r.stdout, "{") {
		t.Errorf("-summary printed JSON")
	}
	// The confidence is the JSON's.
	j := runCmd(t, namedInterview)
	var doc struct{ Confidence float64 }
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Confidence <= 0 || doc.Confidence > 1 {
		t.Errorf("confidence %v, want in (0, 1]", doc.Confidence)
	}
	if want := fmt.Sprintf("Confidence %.3f:", doc.Confidence); !strings.Contains(r.stdout, want) {
		t.Errorf("summary lacks %q:\n%s", want, r.stdout)
	}
}
