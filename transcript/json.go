package transcript

import (
	"encoding/json"
	"io"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// document is the JSON form of a Transcript, version 1.
type document struct {
	Version  int               `json:"version"`
	Speakers []speaker.Speaker `json:"speakers"`
	Turns    []turn.Turn       `json:"turns"`
	Noise    []Noise           `json:"noise"`
}

// WriteJSON writes t as JSON (schema version [Version]), indented by two
// spaces. The schema is documented in the package's README and in the
// doc comments of the fields it encodes.
func (t *Transcript) WriteJSON(w io.Writer) error {
	doc := document{Version: Version, Speakers: t.Speakers, Turns: t.Turns, Noise: t.Noise}
	if doc.Turns == nil {
		doc.Turns = []turn.Turn{}
	}
	if doc.Noise == nil {
		doc.Noise = []Noise{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
