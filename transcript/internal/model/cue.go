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

	// The pronouns a unit's profile counts (see countPronouns).
	iWords      = hashSet("i", "me", "my")
	youOwnWords = hashSet("you", "your")
	weWords     = hashSet("we", "our")
)

// A wordSet is a small set of word hashes: open addressing in a fixed
// table, cheaper than a map on the per-sentence path.
type wordSet [64]uint64

func hashSet(ws ...string) *wordSet {
	var s wordSet
	for _, w := range ws {
		s.add(hashString(w))
	}
	return &s
}

// add puts h in s. A set holds fewer than len(s) hashes, none of them 0
// (which marks a free slot and is not stored).
func (s *wordSet) add(h uint64) {
	if h == 0 {
		return
	}
	i := h & 63
	for s[i] != 0 && s[i] != h {
		i = (i + 1) & 63
	}
	s[i] = h
}

// has reports whether h is in s.
func (s *wordSet) has(h uint64) bool {
	for i := h & 63; s[i] != 0; i = (i + 1) & 63 {
		if s[i] == h {
			return true
		}
	}
	return false
}

// question scores unit s as a question, in [0, 1].
func question(s *sentence) float64 {
	x := 0.0
	switch {
	case s.last == '?':
		x += 0.6
	case s.last == predictedQ:
		x += 0.5
	case s.qmark:
		x += 0.3
	}
	f := s.first(0)
	if whWords.has(f) || (auxWords.has(f) && len(s.words) > 1 && youWords.has(s.first(1))) {
		x += 0.3
	}
	if requestWords.has(f) {
		x += 0.2
	}
	if s.you {
		x += 0.1
	}
	return min(x, 1)
}

// The cues of a unit as bits, in the order [Sequence.cues] names them,
// strongest first: a unit's evidence kept in two bytes until the decoder
// has said which units start a turn, so that the words it was read from
// need not be kept that long.
const (
	bitQuestion = 1 << iota
	bitQuestionWords
	bitInterrogative
	bitRequest
	bitAfterQuestion
	bitAnswerOpener
	bitBackchannel
	bitSecondPerson
	bitFirstPerson
	bitLong
)

// cueOrder names the cue of each bit, lowest bit first.
var cueOrder = [...]turn.Cue{
	turn.CueQuestion, turn.CueQuestionWords, turn.CueInterrogative, turn.CueRequest,
	turn.CueAfterQuestion, turn.CueAnswerOpener, turn.CueBackchannel,
	turn.CueSecondPerson, turn.CueFirstPerson, turn.CueLong,
}

// cueList names the cues of bits, lowest bit first; nil for none.
func cueList(bits uint16) []turn.Cue {
	if bits == 0 {
		return nil
	}
	var c []turn.Cue
	for k, cue := range cueOrder {
		if bits&(1<<k) != 0 {
			c = append(c, cue)
		}
	}
	return c
}

// cueBits returns the cues of unit i, s, as bits.
func (q *Sequence) cueBits(i int, s *sentence) uint16 {
	var c uint16
	f := s.first(0)
	if s.qmark && s.qend == 0 {
		c |= bitQuestion
	} else if s.asked() {
		c |= bitQuestionWords // no question mark, but worded as a question
	}
	// A wh-word opens a question even where no question mark was written
	// (automatic captions); an auxiliary opens statements too ("Can't
	// say I did.", "Does it matter. Not really."), so it counts only
	// with one.
	if whWords.has(f) || (auxWords.has(f) && len(s.words) > 1 && (s.qmark || s.asked())) {
		c |= bitInterrogative
	}
	if requestWords.has(f) {
		c |= bitRequest
	}
	if i > 0 && q.facts[i-1].asked() {
		c |= bitAfterQuestion
	}
	if answerWords.has(f) {
		c |= bitAnswerOpener
	}
	if backWords.has(f) && len(s.words) <= 3 {
		c |= bitBackchannel
	}
	switch s.person() {
	case personSecond:
		c |= bitSecondPerson
	case personFirst:
		c |= bitFirstPerson
	}
	if len(s.words) > 40 {
		c |= bitLong
	}
	return c
}
