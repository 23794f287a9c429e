package model

import (
	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

const turnInterviewer = speaker.Interviewer

var (
	whWords  = hashSet("what", "why", "how", "when", "where", "who", "whom", "whose", "which")
	auxWords = hashSet("do", "does", "did", "is", "are", "was", "were", "can", "could", "would",
		"will", "should", "have", "has", "had", "isn't", "aren't", "don't", "doesn't", "didn't",
		"wasn't", "can't", "couldn't", "wouldn't", "won't", "shall", "may", "might", "am")
	requestWords = hashSet("tell", "explain", "describe", "walk", "talk", "give", "help")
	answerWords  = hashSet("yeah", "yes", "well", "so", "no", "sure", "absolutely", "exactly", "definitely", "yep", "totally")
	backWords    = hashSet("right", "okay", "ok", "gotcha", "wow", "fair", "interesting", "cool", "nice", "mm-hmm", "uh-huh", "got", "makes", "great", "awesome", "true")
	youWords     = hashSet("you", "your", "you're", "yourself", "you've", "you'd", "you'll")
	meWords      = hashSet("i", "i'm", "me", "my", "we", "we're", "our", "us", "i've", "i'd", "we've", "mine")
)

func hashSet(ws ...string) map[uint64]bool {
	m := make(map[uint64]bool, len(ws))
	for _, w := range ws {
		m[hashString(w)] = true
	}
	return m
}

// question scores unit i as a question, in [0, 1].
func (q *Sequence) question(i int) float64 {
	s := &q.sents[i]
	x := 0.0
	if s.last == '?' {
		x += 0.6
	} else if s.qmark {
		x += 0.3
	}
	f := s.first(0)
	if whWords[f] || (auxWords[f] && len(s.words) > 1 && youWords[s.first(1)]) {
		x += 0.3
	}
	if requestWords[f] {
		x += 0.2
	}
	for _, w := range s.words {
		if youWords[w.h] {
			x += 0.1
			break
		}
	}
	return min(x, 1)
}

// cues names the evidence in unit i, strongest first.
func (q *Sequence) cues(i int) []turn.Cue {
	s := &q.sents[i]
	var c []turn.Cue
	f := s.first(0)
	if s.last == '?' || s.qmark {
		c = append(c, turn.CueQuestion)
	}
	if whWords[f] || (auxWords[f] && len(s.words) > 1) && s.qmark {
		c = append(c, turn.CueInterrogative)
	}
	if requestWords[f] {
		c = append(c, turn.CueRequest)
	}
	if i > 0 && q.sents[i-1].last == '?' {
		c = append(c, turn.CueAfterQuestion)
	}
	if answerWords[f] {
		c = append(c, turn.CueAnswerOpener)
	}
	if backWords[f] && len(s.words) <= 3 {
		c = append(c, turn.CueBackchannel)
	}
	you, me := 0, 0
	for _, w := range s.words {
		if youWords[w.h] {
			you++
		} else if meWords[w.h] {
			me++
		}
	}
	if you > me && you > 0 {
		c = append(c, turn.CueSecondPerson)
	} else if me > you {
		c = append(c, turn.CueFirstPerson)
	}
	if len(s.words) > 40 {
		c = append(c, turn.CueLong)
	}
	return c
}
