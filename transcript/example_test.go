package transcript_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/textdiarize/diarize/transcript"
)

// The whole pipeline: parse flat text, then walk the turns. Offsets index
// the exact input bytes, so src[t.Start:t.End] is what the speaker said.
func Example() {
	src := []byte("Why kelp? It grows fast. It shelters fish, really really really really really really really really, you know. It stores carbon. It feeds whole coasts.")
	tr, err := transcript.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range tr.Turns {
		fmt.Printf("[%d,%d) %s\n", t.Start, t.End, t.Role)
	}
	for _, n := range tr.Noise {
		fmt.Printf("[%d,%d) %s noise: %q\n", n.Start, n.End, n.Kind, src[n.Start:n.End])
	}
	fmt.Println(tr.Turns[1].Text)
	// Output:
	// [0,9) interviewer
	// [10,150) guest
	// [43,99) repetition noise: "really really really really really really really really,"
	// It grows fast. It shelters fish, you know. It stores carbon. It feeds whole coasts.
}

func ExampleParse() {
	src := []byte("Why kelp? It grows fast. It shelters fish. It stores carbon. It feeds whole coasts.")
	tr, err := transcript.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range tr.Turns {
		fmt.Printf("%s: %s\n", t.Role, t.Text)
	}
	// Output:
	// interviewer: Why kelp?
	// guest: It grows fast. It shelters fish. It stores carbon. It feeds whole coasts.
}

// A transcript held as a string parses without a copy: the turns' texts
// are substrings of it.
func ExampleParseString() {
	tr, err := transcript.ParseString("Why kelp? It grows fast. It shelters fish. It stores carbon. It feeds whole coasts.")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range tr.Turns {
		fmt.Printf("%s: %s\n", t.Role, t.Text)
	}
	// Output:
	// interviewer: Why kelp?
	// guest: It grows fast. It shelters fish. It stores carbon. It feeds whole coasts.
}

func ExampleParse_invalidUTF8() {
	// The second line holds a Latin-1 "é" (byte 0xe9), not UTF-8.
	src := []byte("Welcome back.\nThanks, it's a caf\xe9 kind of morning.")
	_, err := transcript.Parse(src)
	fmt.Println(err)

	var e *transcript.Error
	if errors.As(err, &e) && errors.Is(err, transcript.ErrInvalidUTF8) {
		fmt.Printf("line %d, column %d, byte %d\n", e.Line, e.Column, e.Offset)
	}
	// Output:
	// transcript: 2:19: invalid UTF-8: byte 0xe9 (byte 32)
	// line 2, column 19, byte 32
}

func ExampleParser() {
	p := transcript.Parser{MaxBytes: 16}
	_, err := p.Parse([]byte("This interview is longer than sixteen bytes."))
	fmt.Println(errors.Is(err, transcript.ErrTooLarge))
	fmt.Println(err)
	// Output:
	// true
	// transcript: 1:17: input too large: 44 bytes, the limit is 16 (byte 16)
}

func ExampleTranscript_WriteJSON() {
	tr, err := transcript.Parse([]byte("Why kelp? It grows fast. It shelters fish. It stores carbon. It feeds whole coasts."))
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := tr.WriteJSON(&buf); err != nil {
		fmt.Println(err)
		return
	}
	// Print the JSON up to the first turn's text; the rest (confidence,
	// cues, sentences, the second turn, noise) is left out here.
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		fmt.Println(sc.Text())
		if strings.Contains(sc.Text(), `"text":`) {
			break
		}
	}
	// Output:
	// {
	//   "version": 1,
	//   "confidence": 0.671,
	//   "speakers": [
	//     {
	//       "id": "S1",
	//       "role": "interviewer",
	//       "stats": {
	//         "words": 2,
	//         "share": 0.133,
	//         "turns": 1,
	//         "questions": 1,
	//         "mean_turn_words": 2,
	//         "longest_turn_words": 2
	//       }
	//     },
	//     {
	//       "id": "S2",
	//       "role": "guest",
	//       "stats": {
	//         "words": 13,
	//         "share": 0.867,
	//         "turns": 1,
	//         "questions": 0,
	//         "mean_turn_words": 13,
	//         "longest_turn_words": 13
	//       }
	//     }
	//   ],
	//   "turns": [
	//     {
	//       "index": 0,
	//       "speaker": "S1",
	//       "role": "interviewer",
	//       "start": 0,
	//       "end": 9,
	//       "text": "Why kelp?",
}

// Position turns an offset from the output into a line and column.
func ExampleTranscript_Position() {
	tr, err := transcript.Parse([]byte("Why kelp?\nIt grows fast.\nHalf a meter a day."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tr.Position(15))
	// Output:
	// 2:6
}

// With Explain set, each turn says why it is where it is: the switch score
// and margin of its start, and what each sentence weighed. Here the answer
// opener barely leans either way on its own; the change of speaker after a
// question, scored at its start, places the boundary.
func ExampleParser_explain() {
	src := []byte("Why kelp? Well, it grows fast. It shelters fish.")
	p := transcript.Parser{Explain: true}
	tr, err := p.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range tr.Turns {
		x := t.Explanation
		fmt.Printf("%s: switch %+.3f, margin %.3f\n", t.Role, x.Switch, x.Margin)
		for _, s := range x.Sentences {
			fmt.Printf("  %-22q score %+.3f  p %.3f  %v\n", src[s.Start:s.End], s.Score, s.Posterior, s.Cues)
		}
	}
	// Output:
	// interviewer: switch +0.000, margin 2.810
	//   "Why kelp?"            score +0.796  p 0.901  [question interrogative]
	// guest: switch +2.014, margin 2.175
	//   "Well, it grows fast." score +0.095  p 0.833  [after-question answer-opener]
	//   "It shelters fish."    score -0.307  p 0.639  []
}

// The transcript's confidence estimates the share of its words given to
// the right speaker: a low one marks a transcript to read with care.
func ExampleTranscript_confidence() {
	tr, err := transcript.Parse([]byte("Why kelp? It grows fast. It shelters fish. It stores carbon. It feeds whole coasts."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("confidence %.3f\n", tr.Confidence)
	if tr.Confidence < 0.85 {
		fmt.Println("worth a second look")
	}
	// Output:
	// confidence 0.671
	// worth a second look
}
