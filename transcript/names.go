package transcript

import (
	"math"
	"strings"
	"unicode"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript/internal/par"
)

// minNameSupport is the least support a name found in the text needs to
// be given to a speaker: one strong mention ("Thanks, Maya.", "my guest
// today is Maya Ortiz") in a turn whose role is fairly sure (a mention
// counts by the turn's confidence), or two weaker ones. It was 0.75 until
// the confidences were calibrated (softer); on the dev corpus both give
// the same names.
const minNameSupport = 0.7

// A nameCluster gathers the mentions of one name and its spellings.
type nameCluster struct {
	forms    []string  // first-word spellings, in order of first mention
	formW    []float64 // their support
	full     map[string]float64
	vote     [3]float64 // support for the name being each role's, indexed by speaker.Role
	mentions []roleMention
}

type roleMention struct {
	m     speaker.Mention // offsets are absolute
	named speaker.Role
}

func (c *nameCluster) match(first string) bool {
	for _, f := range c.forms {
		if speaker.Similar(f, first) {
			return true
		}
	}
	return false
}

func (c *nameCluster) add(m speaker.Mention, named speaker.Role, conf float64) {
	first := speaker.FirstName(m.Name)
	k := -1
	for i, f := range c.forms {
		if strings.EqualFold(f, first) {
			k = i
		}
	}
	if k < 0 {
		c.forms = append(c.forms, first)
		c.formW = append(c.formW, 0)
		k = len(c.forms) - 1
	}
	c.formW[k] += m.Weight
	if m.Name != first {
		if c.full == nil {
			c.full = map[string]float64{}
		}
		c.full[m.Name] += m.Weight
	}
	if m.Weight > 0 {
		c.vote[named] += m.Weight * conf
		c.vote[named.Other()] += m.Weight * (1 - conf)
	}
	c.mentions = append(c.mentions, roleMention{m, named})
}

// nameSpeakers fills the speakers' names, variants, evidence and name
// confidence from the mentions of names in the turns (see
// [speaker.Finder.Mentions]). A vocative, introduction or sign-off in a
// turn names the other party, a self-introduction the speaker; each
// counts with the turn's confidence. Spellings that are [speaker.Similar]
// are one name. A name goes to the role it has most support for, and only
// if it has at least minNameSupport and more support than any other name
// for that role; otherwise the role stays unnamed. Names in known are
// used as given.
func (t *Transcript) nameSpeakers(known speaker.Names) {
	var f speaker.Finder
	for _, r := range []speaker.Role{speaker.Interviewer, speaker.Guest} {
		if n := known[r]; n != "" {
			f.Names = append(f.Names, n)
		}
	}
	// The turns' mentions are independent: find them on all CPUs, then
	// weigh them in order.
	found := make([][]speaker.Mention, len(t.Turns))
	par.Range(len(t.Turns), 32, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			found[i] = f.Mentions(t.source(t.Turns[i].Span))
		}
	})
	var clusters []*nameCluster
	for i := range t.Turns {
		tu := &t.Turns[i]
		for _, m := range found[i] {
			m.Start += tu.Start
			m.End += tu.Start
			named := tu.Role.Other()
			if m.Self {
				named = tu.Role
			}
			first := speaker.FirstName(m.Name)
			var c *nameCluster
			for _, x := range clusters {
				if x.match(first) {
					c = x
					break
				}
			}
			if c == nil {
				c = new(nameCluster)
				clusters = append(clusters, c)
			}
			c.add(m, named, tu.Confidence)
		}
	}
	used := map[*nameCluster]bool{}
	for i := range t.Speakers {
		s := &t.Speakers[i]
		n := known[s.Role]
		if n == "" {
			continue
		}
		s.Name, s.NameConfidence = n, 1
		for _, c := range clusters {
			if c.match(speaker.FirstName(n)) {
				used[c] = true
				s.Variants = c.variants(speaker.FirstName(n))
				s.Evidence = c.evidence(s.Role)
			}
		}
	}
	for i := range t.Speakers {
		s := &t.Speakers[i]
		if s.Name != "" || s.Role == speaker.Unknown || s.Role > speaker.Guest {
			continue
		}
		r := s.Role
		var best *nameCluster
		second := 0.0
		for _, c := range clusters {
			if used[c] || c.vote[r] <= c.vote[r.Other()] {
				continue
			}
			if best == nil || c.vote[r] > best.vote[r] {
				if best != nil {
					second = best.vote[r]
				}
				best = c
			} else {
				second = max(second, c.vote[r])
			}
		}
		if best == nil || best.vote[r] < minNameSupport || second*2 > best.vote[r] {
			continue
		}
		used[best] = true
		first := best.name()
		s.Name = first
		var fw float64
		for full, w := range best.full {
			if speaker.FirstName(full) == first && (w > fw || w == fw && full < s.Name) {
				s.Name, fw = full, w
			}
		}
		s.Variants = best.variants(first)
		s.Evidence = best.evidence(r)
		v := best.vote[r]
		share := v / (v + best.vote[r.Other()] + second)
		s.NameConfidence = round3(share * (1 - math.Exp(-v)))
		if !hasUpper(s.Name) {
			s.Name = speaker.Title(s.Name)
			for k, v := range s.Variants {
				s.Variants[k] = speaker.Title(v)
			}
		}
	}
}

// name returns the best-supported spelling, the earliest on a tie.
func (c *nameCluster) name() string {
	k := 0
	for i, w := range c.formW {
		if w > c.formW[k] {
			k = i
		}
	}
	return c.forms[k]
}

// variants returns the spellings other than first, in order of first
// mention; nil when there are none.
func (c *nameCluster) variants(first string) []string {
	var vs []string
	for _, f := range c.forms {
		if !strings.EqualFold(f, first) {
			vs = append(vs, f)
		}
	}
	return vs
}

// evidence returns the mentions that name r, in order.
func (c *nameCluster) evidence(r speaker.Role) []speaker.Evidence {
	var ev []speaker.Evidence
	for _, m := range c.mentions {
		if m.named == r && m.m.Weight > 0 {
			ev = append(ev, speaker.Evidence{Start: m.m.Start, End: m.m.End, Kind: m.m.Kind})
		}
	}
	return ev
}

func hasUpper(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
