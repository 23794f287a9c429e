package speaker

// A Speaker is one party of the conversation.
type Speaker struct {
	// ID identifies the speaker within one transcript: "S1", "S2".
	ID string `json:"id"`
	// Role is the part the speaker plays.
	Role Role `json:"role"`
	// Name is the speaker's name when the text reveals it or the user
	// supplied it, and empty otherwise. It is never guessed.
	Name string `json:"name,omitempty"`
}

// Label returns the speaker's name when it is known and the role otherwise.
func (s Speaker) Label() string {
	if s.Name != "" {
		return s.Name
	}
	return s.Role.String()
}
