package transcript

import (
	"sort"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/turn"
)

// attributeClips gives each unit of the cold open teaser whose passage
// recurs later (recs, as findTeaser found them) the role the decoding gave
// its later occurrence. A clip played before the interview has no
// question or answer around it to tell who speaks; heard again in its
// place, the speaker is decided with the conversation on both sides.
//
// A unit takes the recurrence that covers most of it, if that covers at
// least half of it; its bytes are carried over to the later passage by
// their offset from the passage's start, and the later units they fall in
// vote by bytes. The unit's role changes when more than half the votes go
// to the other role; its probability is then the later units' mean
// probability of that role. It returns the indexes of the units whose
// role changed, in order.
func attributeClips(segs []turn.Segment, roles []speaker.Role, prob []float64, teaser turn.Span, recs []recurrence) []int {
	if teaser.Len() <= 0 || len(recs) == 0 {
		return nil
	}
	var changed []int
	for i := 0; i < len(segs) && segs[i].Start < teaser.End; i++ {
		u := segs[i].Span
		var best recurrence
		cover := 0
		for _, r := range recs {
			if o := overlap(u, r.clip); o > cover {
				best, cover = r, o
			}
		}
		if 2*cover < u.Len() {
			continue
		}
		from := max(u.Start, best.clip.Start) - best.clip.Start
		to := min(u.End, best.clip.End) - best.clip.Start
		later := turn.Span{
			Start: min(best.later.Start+from, best.later.End),
			End:   min(best.later.Start+to, best.later.End),
		}
		var votes [2]int // bytes for the interviewer, for the guest
		var pI float64   // byte-weighted probability of the interviewer
		j := sort.Search(len(segs), func(j int) bool { return segs[j].End > later.Start })
		for ; j < len(segs) && segs[j].Start < later.End; j++ {
			w := overlap(segs[j].Span, later)
			if w <= 0 {
				continue
			}
			p := prob[j]
			if roles[j] == speaker.Guest {
				votes[1] += w
				p = 1 - p
			} else {
				votes[0] += w
			}
			pI += float64(w) * p
		}
		total := votes[0] + votes[1]
		if total == 0 {
			continue
		}
		role, p := speaker.Interviewer, pI/float64(total)
		if 2*votes[1] > total {
			role, p = speaker.Guest, 1-p
		} else if 2*votes[0] <= total {
			continue // a tie
		}
		if role != roles[i] {
			roles[i], prob[i] = role, p
			changed = append(changed, i)
		}
	}
	return changed
}

// overlap returns the number of bytes a and b share.
func overlap(a, b turn.Span) int {
	return max(0, min(a.End, b.End)-max(a.Start, b.Start))
}
