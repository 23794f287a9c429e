package turn

import (
	"math"

	"github.com/textdiarize/diarize/speaker"
)

// An Explanation says why a turn is where it is: the score of the change
// of speaker at its start, how firmly the decoder placed that change, and
// what each of its segments weighed. Path scores are those the [Decoder]
// maximizes: each segment adds Score/2 to the path for the interviewer
// and -Score/2 for the guest, and each change of speaker adds the switch
// score of the segment it starts at. A difference of path scores is the
// log of the ratio of the two paths' probabilities. All values are
// rounded to three decimals.
type Explanation struct {
	// Switch is the score the path earns (positive) or pays (negative)
	// for changing speaker at the turn's start: the first segment's
	// ToInterviewer or ToGuest, whichever leads to the turn's role, less
	// the decoder's SwitchCost. It is 0 for the first turn, which follows
	// no change of speaker.
	Switch float64 `json:"switch"`
	// Margin is how much better the best path that starts this turn here
	// is than the best path that does not: the best score of the paths
	// that change to the turn's role at its first segment, less the best
	// score of the paths that do not change speaker there (the boundary
	// gone, or moved). For the first turn it compares the paths that give
	// the first segment the turn's role with those that give it the other.
	// On the decoder's own path the first is the best path of all, so the
	// margin is at least 0, and 0 only for a tie; e^Margin is how many
	// times more probable the best path is than the best path without this
	// boundary. When the roles come from elsewhere (the voices of a
	// subtitle file, the labels of a labelled transcript, or a cold
	// open's clip given the role of the passage it repeats) it is negative where the decoder alone would not have
	// started the turn.
	Margin float64 `json:"margin"`
	// Sentences are the turn's segments in order, with their scores.
	Sentences []SentenceScore `json:"sentences"`
}

// A SentenceScore is what the decoder saw of one segment of a turn.
type SentenceScore struct {
	Span
	// Score is the segment's [Segment.Score]: the log-odds that the
	// interviewer rather than the guest speaks it, positive for the
	// interviewer.
	Score float64 `json:"score"`
	// Posterior is the probability of the turn's role for this segment,
	// in [0, 1], summed over every path (forward-backward): the value the
	// turn's Confidence averages.
	Posterior float64 `json:"posterior"`
	// Question is how much the segment reads as a question, in [0, 1].
	Question float64 `json:"question"`
	// Cues are the evidence in the segment, strongest first; empty, not
	// nil, when there is none, so that the JSON form is [].
	Cues []Cue `json:"cues"`
}

// Explain explains the turns that [Group] builds from segs, roles and
// prob, one [Explanation] per turn in order. roles are usually the
// decoder's own ([Decoder.Roles]) but need not be; prob gives the
// probability of each segment's role, and when nil Explain works it out
// with [Decoder.Posteriors]. Unlike decoding, Explain keeps per-segment
// scores of both directions of the chain: it costs a few passes over the
// segments and an allocation of their size.
func (d *Decoder) Explain(segs []Segment, roles []speaker.Role, prob []float64) []Explanation {
	n := len(segs)
	if n == 0 {
		return nil
	}
	if prob == nil {
		prob = d.Posteriors(segs, nil)
		for i, r := range roles {
			if r == speaker.Guest {
				prob[i] = 1 - prob[i]
			}
		}
	}
	fw, bw := d.maxScores(segs)
	nt := 1
	for i := 1; i < n; i++ {
		if roles[i] != roles[i-1] {
			nt++
		}
	}
	out := make([]Explanation, 0, nt)
	sents := make([]SentenceScore, n)
	first := 0
	for i := range segs {
		s := &segs[i]
		if i == 0 || roles[i] != roles[i-1] {
			to := roleState(roles[i])
			e := Explanation{Margin: exact3(d.margin(segs, fw, bw, i, to))}
			if i > 0 {
				e.Switch = exact3(d.trans(s, 1-to, to))
			}
			out = append(out, e)
			first = i
		}
		cues := s.Cues
		if cues == nil {
			cues = []Cue{}
		}
		sents[i] = SentenceScore{
			Span:      s.Span,
			Score:     exact3(s.Score),
			Posterior: exact3(prob[i]),
			Question:  exact3(s.Question),
			Cues:      cues,
		}
		out[len(out)-1].Sentences = sents[first : i+1 : i+1]
	}
	return out
}

func roleState(r speaker.Role) int {
	if r == speaker.Interviewer {
		return 0
	}
	return 1
}

// maxScores returns the max-product forward and backward scores of the
// chain: fw[i][r] is the best score of the paths over segments 0..i that
// end in state r, segment i's emission included; bw[i][r] is the best
// score over segments i+1..n-1 of the paths that continue from state r at
// segment i. So fw[i][r] + bw[i][r] is the best score of the paths
// through state r at segment i (a max-marginal), and the best path scores
// max over r of fw[n-1][r].
func (d *Decoder) maxScores(segs []Segment) (fw, bw [][2]float64) {
	n := len(segs)
	buf := make([][2]float64, 2*n)
	fw, bw = buf[:n:n], buf[n:]
	fw[0] = [2]float64{d.emit(&segs[0], 0), d.emit(&segs[0], 1)}
	for i := 1; i < n; i++ {
		s := &segs[i]
		for to := range 2 {
			fw[i][to] = max(fw[i-1][0]+d.trans(s, 0, to), fw[i-1][1]+d.trans(s, 1, to)) + d.emit(s, to)
		}
	}
	for i := n - 2; i >= 0; i-- {
		s := &segs[i+1]
		for from := range 2 {
			bw[i][from] = max(d.trans(s, from, 0)+d.emit(s, 0)+bw[i+1][0], d.trans(s, from, 1)+d.emit(s, 1)+bw[i+1][1])
		}
	}
	return fw, bw
}

// margin returns the best score of the paths that change to state to at
// segment i (for i == 0: that start in it) less the best score of the
// paths that stay with one state from segment i-1 to i (that start in the
// other state).
func (d *Decoder) margin(segs []Segment, fw, bw [][2]float64, i, to int) float64 {
	if i == 0 {
		return fw[0][to] + bw[0][to] - (fw[0][1-to] + bw[0][1-to])
	}
	s := &segs[i]
	with := fw[i-1][1-to] + d.trans(s, 1-to, to) + d.emit(s, to) + bw[i][to]
	without := math.Inf(-1)
	for r := range 2 {
		without = max(without, fw[i-1][r]+d.emit(s, r)+bw[i][r])
	}
	return with - without
}

// exact3 rounds x to three decimals, as round3 does, and writes a
// negative zero as 0.
func exact3(x float64) float64 {
	if r := round3(x); r != 0 {
		return r
	}
	return 0
}
