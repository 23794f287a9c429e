package speaker_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/textdiarize/diarize/speaker"
)

func ExampleRole_Other() {
	r := speaker.Interviewer
	fmt.Println(r, "->", r.Other())
	fmt.Println(r.Other(), "->", r.Other().Other())
	// Output:
	// interviewer -> guest
	// guest -> interviewer
}

func ExampleRole_MarshalText() {
	// Roles encode as words, so they read well in JSON, also as map keys.
	names := map[speaker.Role]string{speaker.Guest: "Maya Ortiz"}
	enc := json.NewEncoder(os.Stdout)
	enc.Encode([]speaker.Role{speaker.Interviewer, speaker.Guest})
	enc.Encode(names)

	var r speaker.Role
	err := r.UnmarshalText([]byte("host"))
	fmt.Println(err)
	// Output:
	// ["interviewer","guest"]
	// {"guest":"Maya Ortiz"}
	// speaker: unknown role "host"
}

func ExampleSpeaker_Label() {
	for _, s := range []speaker.Speaker{
		{ID: "S1", Role: speaker.Interviewer},
		{ID: "S2", Role: speaker.Guest, Name: "Maya Ortiz"},
	} {
		fmt.Printf("%s: %s\n", s.ID, s.Label())
	}
	// Output:
	// S1: interviewer
	// S2: Maya Ortiz
}
