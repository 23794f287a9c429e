package speaker_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
)

// found is a mention reduced to what the table tests compare.
type found struct {
	Name string
	Kind speaker.MentionKind
}

func TestMentions(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		names  []string // Finder.Names
		want   []found
		reason string
	}{
		{"thanks mid", "Thank you, Maya, for making the trip.", nil,
			[]found{{"Maya", speaker.SignOff}}, "a name between commas after thanks addresses the other party"},
		{"thanks end", "Well, thanks, Maya.", nil,
			[]found{{"Maya", speaker.SignOff}}, "a sign-off names the other party"},
		{"question tag", "Where did the boat go, Maya?", nil,
			[]found{{"Maya", speaker.Vocative}}, "a name closing a question addresses someone"},
		{"sentence start", "Maya, do you still dive every week?", nil,
			[]found{{"Maya", speaker.Vocative}}, "a name then a comma then a verb addresses someone"},
		{"candid", "But I'll be blunt about it, Maya.", nil,
			[]found{{"Maya", speaker.Vocative}}, "a name closing a statement addresses someone too"},
		{"guest today", "My guest today is Maya Ortiz, who studies kelp.", nil,
			[]found{{"Maya Ortiz", speaker.Introduction}}, "an introduction gives the full name"},
		{"here with", "Okay, I'm here with Maya Ortiz.", nil,
			[]found{{"Maya Ortiz", speaker.Introduction}}, "an introduction"},
		{"welcome to the show", "Welcome to the show, Maya.", nil,
			[]found{{"Maya", speaker.Introduction}}, "welcoming names the guest"},
		{"joining me", "Joining me is Maya Ortiz.", nil,
			[]found{{"Maya Ortiz", speaker.Introduction}}, "an introduction"},
		{"my name is", "Hello and welcome, my name is Sam Lee.", nil,
			[]found{{"Sam Lee", speaker.SelfIntroduction}}, "a self-introduction names the speaker"},
		{"i'm and this is", "I'm Sam, and this is Tide Talk.", nil,
			[]found{{"Sam", speaker.SelfIntroduction}}, "I'm NAME, and this is SHOW"},
		{"this is", "Welcome to another episode. This is Sam Lee.", nil,
			[]found{{"Sam Lee", speaker.SelfIntroduction}}, "a host naming themselves at the opening"},
		{"discourse words", "Yeah, right. Well, you know, Guys, it is fine, Folks.", nil,
			nil, "discourse words and generic addresses are not names"},
		{"weekday", "We met on a Tuesday, Maya said, in March.", nil,
			nil, "a name followed by a comma and a lower-case verb is reported speech, not an address"},
		{"list", "We went to Lyon, Paris, and Nice.", nil,
			nil, "a list of capitalized words is not an address"},
		{"apposition", "I then joined my old company, Acme, for a year.", nil,
			nil, "a noun phrase and a comma make an apposition"},
		{"domain", "You can find it at the site, Kelpwatch.org, anytime.", nil,
			nil, "a web address is not a name"},
		{"quoted", `People tell me, "Hey, Maya, slow down."`, nil,
			nil, "a greeting in reported speech addresses nobody here"},
		{"acronym", "That is the point, NASA.", nil,
			nil, "an acronym is not a first name"},
		{"lower case intro", "alright i'm here with maya ortiz who studies kelp", nil,
			[]found{{"maya ortiz", speaker.Introduction}}, "uncased text: strong patterns and uncommon words only"},
		{"lower case common", "thank you very much for that", nil,
			nil, "common words after thank you are not names"},
		{"known lower case", "so maya how did it go and what did maya's team say", []string{"Maya Ortiz"},
			[]found{{"maya", speaker.ThirdPerson}, {"maya", speaker.ThirdPerson}}, "a supplied name is found anywhere, as a third-person mention, without a possessive"},
		{"known misspelt", "Thanks, Maia.", []string{"Maya Ortiz"},
			[]found{{"Maia", speaker.SignOff}}, "supplied names accept close spellings"},
		{"known near a common word", "I was stung eleven times that summer, and Stuart would start again.", []string{"Tomas Reyes", "Stuart Lane"},
			[]found{{"Stuart", speaker.ThirdPerson}}, "a common word close to a supplied name (times, start) is that word, not a misspelling of it"},
		{"third person unknown", "What does Maya know that Sam does not?", nil,
			nil, "third-person mentions of names not known beforehand say nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := speaker.Finder{Names: tt.names}
			var got []found
			for _, m := range f.Mentions(tt.in) {
				if tt.in[m.Start:m.End] != m.Name {
					t.Errorf("mention %q has offsets [%d,%d) holding %q", m.Name, m.Start, m.End, tt.in[m.Start:m.End])
				}
				if m.Self != (m.Kind == speaker.SelfIntroduction) {
					t.Errorf("mention %q: Self = %v for kind %s", m.Name, m.Self, m.Kind)
				}
				got = append(got, found{m.Name, m.Kind})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Mentions(%q) mismatch (-want +got):\n%s(%s)", tt.in, diff, tt.reason)
			}
		})
	}
}

func TestSimilar(t *testing.T) {
	tests := []struct {
		a, b   string
		want   bool
		reason string
	}{
		{"Dario", "Daryu", true, "two substitutions on a five-letter name: a speech-recognition misspelling"},
		{"Maya", "Maia", true, "one substitution on four letters"},
		{"Maya", "Mara", true, "one substitution on four letters"},
		{"Maya", "Mark", false, "two edits on four letters is too many"},
		{"Sam", "Pam", false, "names under four letters must match exactly"},
		{"Sam", "sam", true, "case is ignored"},
		{"Dario", "Mario", false, "the first letter must match"},
		{"Alexander", "Alex", false, "a short form is not a misspelling"},
	}
	for _, tt := range tests {
		if got := speaker.Similar(tt.a, tt.b); got != tt.want {
			t.Errorf("Similar(%q, %q) = %v, want %v (%s)", tt.a, tt.b, got, tt.want, tt.reason)
		}
	}
}

func TestParseNames(t *testing.T) {
	got, err := speaker.ParseNames(" Sam Lee = interviewer, Maya Ortiz=guest ")
	if err != nil {
		t.Fatal(err)
	}
	want := speaker.Names{speaker.Interviewer: "Sam Lee", speaker.Guest: "Maya Ortiz"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseNames mismatch (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"Sam Lee", "Sam=host", "=guest", "A=guest,B=guest", "A=unknown"} {
		if _, err := speaker.ParseNames(bad); err == nil || !strings.HasPrefix(err.Error(), "speaker: ") {
			t.Errorf("ParseNames(%q) error = %v, want a speaker: error", bad, err)
		}
	}
}
