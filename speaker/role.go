// Package speaker names the two parties of an interview: their roles and,
// where the conversation reveals them, their names.
//
// It is the leaf of the diarize packages and imports nothing of theirs.
package speaker

import "fmt"

// A Role is the part a party plays in an interview.
//
// Roles encode as text ("interviewer", "guest"), so they read well in JSON
// and can be map keys.
type Role uint8

const (
	// Unknown is the zero Role: nobody has been assigned.
	Unknown Role = iota
	// Interviewer asks the questions and leads the conversation.
	Interviewer
	// Guest answers them.
	Guest
)

var roleNames = [...]string{Unknown: "unknown", Interviewer: "interviewer", Guest: "guest"}

// String returns "interviewer", "guest" or "unknown".
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// Other returns the opposite party: Guest for Interviewer and Interviewer
// for Guest. Unknown stays Unknown.
func (r Role) Other() Role {
	switch r {
	case Interviewer:
		return Guest
	case Guest:
		return Interviewer
	}
	return Unknown
}

// MarshalText encodes r as its String form. Roles outside the defined set
// are an error.
func (r Role) MarshalText() ([]byte, error) {
	if int(r) >= len(roleNames) {
		return nil, fmt.Errorf("speaker: invalid role %d", uint8(r))
	}
	return []byte(roleNames[r]), nil
}

// UnmarshalText decodes "interviewer", "guest" or "unknown".
func (r *Role) UnmarshalText(b []byte) error {
	for i, n := range roleNames {
		if string(b) == n {
			*r = Role(i)
			return nil
		}
	}
	return fmt.Errorf("speaker: unknown role %q", b)
}
