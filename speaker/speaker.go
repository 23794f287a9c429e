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
	// Variants are other spellings of Name found in the text, such as a
	// speech recognizer's misspellings ("Daryu" for "Dario"), merged into
	// Name because they are [Similar]. Empty when there are none.
	Variants []string `json:"variants,omitempty"`
	// Evidence lists the mentions that support Name, in order: byte spans
	// of the input holding the name (or a variant) and how it came up.
	// Empty when Name is empty.
	Evidence []Evidence `json:"evidence,omitempty"`
	// NameConfidence is how sure the parser is of Name, in (0, 1], rounded
	// to three decimals: 1 for a name the user supplied. Zero (and left
	// out of the JSON) when Name is empty.
	NameConfidence float64 `json:"name_confidence,omitempty"`
	// Stats says what the speaker did in the conversation; nil in a
	// Speaker built by hand.
	Stats *Stats `json:"stats,omitempty"`
}

// An Evidence is a mention of a speaker's name: the byte range
// [Start, End) of the input holding it, and how it came up.
type Evidence struct {
	Start int         `json:"start"`
	End   int         `json:"end"`
	Kind  MentionKind `json:"kind"`
}

// Stats are the figures of one speaker's part in a conversation.
type Stats struct {
	// Words is the number of words the speaker said: white-space separated
	// tokens of the turns' text, noise left out.
	Words int `json:"words"`
	// Share is Words over the words of both speakers, in [0, 1], rounded
	// to three decimals.
	Share float64 `json:"share"`
	// Turns is the number of the speaker's turns.
	Turns int `json:"turns"`
	// Questions is the number of the speaker's sentences that read as
	// questions (a question score of at least 0.5).
	Questions int `json:"questions"`
	// MeanTurnWords is Words over Turns, rounded to one decimal; zero
	// when there are no turns.
	MeanTurnWords float64 `json:"mean_turn_words"`
	// LongestTurnWords is the number of words of the speaker's longest
	// turn.
	LongestTurnWords int `json:"longest_turn_words"`
}

// Label returns the speaker's name when it is known and the role otherwise.
func (s Speaker) Label() string {
	if s.Name != "" {
		return s.Name
	}
	return s.Role.String()
}
