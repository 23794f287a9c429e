package speaker_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/speaker"
)

func TestRoleString(t *testing.T) {
	tests := []struct {
		name   string
		in     speaker.Role
		want   string
		reason string
	}{
		{"unknown", speaker.Unknown, "unknown", "the zero Role names nobody"},
		{"interviewer", speaker.Interviewer, "interviewer", "lower case, as in JSON"},
		{"guest", speaker.Guest, "guest", "lower case, as in JSON"},
		{"out of range", speaker.Role(7), "Role(7)", "undefined roles print their number, like go/token.Token"},
		{"max", speaker.Role(255), "Role(255)", "the largest uint8 must not index out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.String(); got != tt.want {
				t.Errorf("Role(%d).String() = %q, want %q (%s)", uint8(tt.in), got, tt.want, tt.reason)
			}
		})
	}
}

func TestRoleOther(t *testing.T) {
	tests := []struct {
		name   string
		in     speaker.Role
		want   speaker.Role
		reason string
	}{
		{"interviewer", speaker.Interviewer, speaker.Guest, "an interview has two parties"},
		{"guest", speaker.Guest, speaker.Interviewer, "an interview has two parties"},
		{"unknown", speaker.Unknown, speaker.Unknown, "nobody's opposite is still nobody"},
		{"out of range", speaker.Role(9), speaker.Unknown, "an invalid role has no opposite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Other(); got != tt.want {
				t.Errorf("%v.Other() = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
			}
		})
	}
	for _, r := range []speaker.Role{speaker.Interviewer, speaker.Guest} {
		if got := r.Other().Other(); got != r {
			t.Errorf("%v.Other().Other() = %v, want %v", r, got, r)
		}
	}
}

func TestRoleMarshalText(t *testing.T) {
	tests := []struct {
		name    string
		in      speaker.Role
		want    string
		wantErr string
		reason  string
	}{
		{"unknown", speaker.Unknown, "unknown", "", "the zero value still encodes, so a half-built turn can be printed"},
		{"interviewer", speaker.Interviewer, "interviewer", "", "the JSON word for the first party"},
		{"guest", speaker.Guest, "guest", "", "the JSON word for the second party"},
		{"invalid", speaker.Role(3), "", "speaker: invalid role 3", "an undefined role must not reach a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.MarshalText()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("MarshalText() error = %v, want %q (%s)", err, tt.wantErr, tt.reason)
				}
				if got != nil {
					t.Errorf("MarshalText() = %q with an error, want nil", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("MarshalText() error = %v (%s)", err, tt.reason)
			}
			if string(got) != tt.want {
				t.Errorf("MarshalText() = %q, want %q (%s)", got, tt.want, tt.reason)
			}
		})
	}
}

func TestRoleUnmarshalText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    speaker.Role
		wantErr string
		reason  string
	}{
		{"interviewer", "interviewer", speaker.Interviewer, "", "round trip of MarshalText"},
		{"guest", "guest", speaker.Guest, "", "round trip of MarshalText"},
		{"unknown", "unknown", speaker.Unknown, "", "the zero role has a name too"},
		{"upper case", "Guest", speaker.Interviewer, `speaker: unknown role "Guest"`, "names are exact; the target keeps its old value"},
		{"empty", "", speaker.Interviewer, `speaker: unknown role ""`, "an empty string is not a role"},
		{"padded", " guest", speaker.Interviewer, `speaker: unknown role " guest"`, "no trimming: JSON strings are exact"},
		{"number", "2", speaker.Interviewer, `speaker: unknown role "2"`, "roles are words, not numbers"},
		{"go name", "Role(7)", speaker.Interviewer, `speaker: unknown role "Role(7)"`, "String's fallback form does not decode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := speaker.Interviewer // a non-zero start shows whether a failure writes
			err := got.UnmarshalText([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("UnmarshalText(%q) error = %v, want %q (%s)", tt.in, err, tt.wantErr, tt.reason)
				}
			} else if err != nil {
				t.Fatalf("UnmarshalText(%q) error = %v (%s)", tt.in, err, tt.reason)
			}
			if got != tt.want {
				t.Errorf("UnmarshalText(%q) = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
			}
		})
	}
}

func TestRoleJSON(t *testing.T) {
	type doc struct {
		Role    speaker.Role            `json:"role"`
		Roles   []speaker.Role          `json:"roles"`
		ByRole  map[speaker.Role]string `json:"by_role"`
		Speaker speaker.Speaker         `json:"speaker"`
	}
	in := doc{
		Role:    speaker.Guest,
		Roles:   []speaker.Role{speaker.Interviewer, speaker.Guest, speaker.Unknown},
		ByRole:  map[speaker.Role]string{speaker.Interviewer: "Sam Lee", speaker.Guest: "Maya Ortiz"},
		Speaker: speaker.Speaker{ID: "S2", Role: speaker.Guest, Name: "Maya Ortiz"},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"role":"guest","roles":["interviewer","guest","unknown"],` +
		`"by_role":{"guest":"Maya Ortiz","interviewer":"Sam Lee"},` +
		`"speaker":{"id":"S2","role":"guest","name":"Maya Ortiz"}}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("json.Marshal mismatch (-want +got):\n%s", diff)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestRoleJSONErrors(t *testing.T) {
	tests := []struct {
		name    string
		marshal any
		in      string
		wantErr string
		reason  string
	}{
		{name: "marshal invalid", marshal: struct{ R speaker.Role }{speaker.Role(4)}, wantErr: "speaker: invalid role 4", reason: "the MarshalText error reaches the caller"},
		{name: "unmarshal unknown", in: `{"role":"host"}`, wantErr: `speaker: unknown role "host"`, reason: "only the three names decode"},
		{name: "unmarshal number", in: `{"role":1}`, wantErr: "cannot unmarshal number", reason: "a TextUnmarshaler takes only JSON strings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.marshal != nil {
				_, err = json.Marshal(tt.marshal)
			} else {
				var v struct {
					Role speaker.Role `json:"role"`
				}
				err = json.Unmarshal([]byte(tt.in), &v)
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one containing %q (%s)", err, tt.wantErr, tt.reason)
			}
		})
	}
}

func TestSpeakerLabel(t *testing.T) {
	tests := []struct {
		name   string
		in     speaker.Speaker
		want   string
		reason string
	}{
		{"named", speaker.Speaker{ID: "S2", Role: speaker.Guest, Name: "Maya Ortiz"}, "Maya Ortiz", "a known name wins"},
		{"unnamed", speaker.Speaker{ID: "S1", Role: speaker.Interviewer}, "interviewer", "otherwise the role"},
		{"zero", speaker.Speaker{}, "unknown", "the zero Speaker still has a label"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Label(); got != tt.want {
				t.Errorf("Label() = %q, want %q (%s)", got, tt.want, tt.reason)
			}
		})
	}
}

func TestSpeakerJSONOmitsEmptyName(t *testing.T) {
	b, err := json.Marshal(speaker.Speaker{ID: "S1", Role: speaker.Interviewer})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"id":"S1","role":"interviewer"}`, string(b)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}
