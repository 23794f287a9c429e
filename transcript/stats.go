package transcript

import (
	"math"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// QuestionThreshold is the least question score ([turn.Sentence]'s
// Question) of a sentence counted as a question in [speaker.Stats] and
// listed in [Transcript.Questions].
const QuestionThreshold = 0.5

// A Question is a question the interviewer asked: one sentence.
type Question struct {
	turn.Span
	// Text is the sentence's bytes of the input, with any noise inside
	// left out.
	Text string `json:"text"`
}

// countWords returns the number of white-space separated words of s.
func countWords(s string) int {
	// A word starts at each non-space byte after a space (or at the
	// start): counted without a branch, since words start every few
	// bytes and a branch there is mispredicted often.
	n, prev := 0, 1 // prev is 1 after a space
	for i := 0; i < len(s); i++ {
		cur := int(isSpace[s[i]])
		n += prev &^ cur
		prev = cur
	}
	return n
}

// isSpace[c] is 1 for the ASCII white-space bytes, 0 for the others.
var isSpace = func() (t [256]uint8) {
	for c := range t {
		if byteClass[c] == space {
			t[c] = 1
		}
	}
	return t
}()

// describe fills the speakers' Stats, t.Questions and t.Confidence.
func (t *Transcript) describe() {
	type acc struct{ words, turns, questions, longest int }
	var a [3]acc // indexed by speaker.Role
	total := 0
	conf := 0.0 // the turns' confidences, each times its words
	t.Questions = []Question{}
	k := 0
	for i := range t.Turns {
		tu := &t.Turns[i]
		if tu.Role > speaker.Guest {
			continue
		}
		w := countWords(tu.Text)
		x := &a[tu.Role]
		x.words += w
		x.turns++
		x.longest = max(x.longest, w)
		total += w
		conf += float64(w) * tu.Confidence
		for _, s := range tu.Sentences {
			if s.Question < QuestionThreshold {
				continue
			}
			x.questions++
			// A question of the cold open is a clip, asked again later:
			// it is listed once, where it is asked.
			if tu.Role == speaker.Interviewer && !tu.Teaser {
				var text string
				text, k = t.text(s.Span, k)
				t.Questions = append(t.Questions, Question{Span: s.Span, Text: text})
			}
		}
	}
	t.Confidence = 0
	if total > 0 {
		t.Confidence = round3(conf / float64(total))
	}
	for i := range t.Speakers {
		s := &t.Speakers[i]
		if s.Role > speaker.Guest {
			continue
		}
		x := a[s.Role]
		st := &speaker.Stats{Words: x.words, Turns: x.turns, Questions: x.questions, LongestTurnWords: x.longest}
		if total > 0 {
			st.Share = round3(float64(x.words) / float64(total))
		}
		if x.turns > 0 {
			st.MeanTurnWords = math.Round(float64(x.words)/float64(x.turns)*10) / 10
		}
		s.Stats = st
	}
}
