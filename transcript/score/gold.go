package score

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/textdiarize/diarize/turn"
)

// A Label says who spoke a stretch of text: [Interviewer], [Guest] or
// [Noise] in gold files, and [None] for text that no span covers.
//
// Labels decode from text the way the reference scorer reads roles: case
// is ignored and the aliases "host" and "i" (interviewer), "interviewee"
// and "g" (guest), "n" and "artifact" (noise) are accepted. Other values
// are kept, lowercased.
type Label string

// Labels of the corpus.
const (
	Interviewer Label = "interviewer"
	Guest       Label = "guest"
	// Noise is nobody's speech, such as a speech-recognition loop.
	Noise Label = "noise"
	// None labels a token that no span covers.
	None Label = "none"
)

// UnmarshalText decodes b as a label, resolving aliases.
func (l *Label) UnmarshalText(b []byte) error {
	*l = normLabel(string(b))
	return nil
}

// normLabel mirrors norm_role in score.py.
func normLabel(s string) Label {
	s = strings.ToLower(s)
	switch s {
	case "interviewer", "host", "i":
		return Interviewer
	case "guest", "interviewee", "g":
		return Guest
	case "noise", "n", "artifact":
		return Noise
	case "":
		return None
	}
	return Label(s)
}

// A Span is a labelled byte range of a transcript: a turn of one speaker,
// or noise. Its JSON form is {"start", "end", "role"}.
type Span struct {
	turn.Span
	Label Label `json:"role"`
}

// Names are the names of the two parties of a gold transcript.
type Names struct {
	Interviewer string `json:"interviewer"`
	Guest       string `json:"guest"`
}

// A Gold is a transcript with the known answer: who spoke each byte of
// Text. The corpus README documents the file format.
type Gold struct {
	// ID names the conversation; the flat and asr twins share it.
	ID string `json:"id"`
	// Variant is "flat" (cased and punctuated) or "asr" (lowercase, no
	// punctuation), or another variant the corpus adds.
	Variant     string `json:"variant"`
	Title       string `json:"title"`
	Show        string `json:"show"`
	Source      string `json:"source"`
	LicenseNote string `json:"license_note"`
	Speakers    Names  `json:"speakers"`
	// Text is the flat transcript, the exact input to give the parser.
	Text string `json:"text"`
	// Turns are the gold spans: byte offsets into Text, half-open, in
	// order, labelled Interviewer, Guest or Noise.
	Turns []Span `json:"turns"`
}

// Load reads the gold JSON file at path. A missing variant reads as
// "flat", as in the reference scorer. Load rejects a file whose turns fall
// outside the text or carry a label other than interviewer, guest or
// noise (or their aliases, see [Label]).
func Load(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("score: %w", err)
	}
	g := new(Gold)
	if err := json.Unmarshal(data, g); err != nil {
		return nil, fmt.Errorf("score: %s: %w", path, err)
	}
	if g.Variant == "" {
		g.Variant = "flat"
	}
	for i, t := range g.Turns {
		if t.Start < 0 || t.End < t.Start || t.End > len(g.Text) {
			return nil, fmt.Errorf("score: %s: turn %d: range [%d, %d) outside the text (%d bytes)", path, i, t.Start, t.End, len(g.Text))
		}
		switch t.Label {
		case Interviewer, Guest, Noise:
		default:
			return nil, fmt.Errorf("score: %s: turn %d: unknown role %q", path, i, t.Label)
		}
	}
	return g, nil
}
