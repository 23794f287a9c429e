package speaker

import (
	"fmt"
	"strings"
)

// Similar reports whether two names are likely the same name spelled two
// ways, as speech recognition misspells names ("Daryu" for "Dario"): the
// same first letter, both at least four letters long, and an edit
// distance of at most two (one for names of four letters). Case is
// ignored. Identical names are similar.
func Similar(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 || ra[0] != rb[0] {
		return false
	}
	limit := 2
	if min(len(ra), len(rb)) == 4 {
		limit = 1
	}
	return editDistance(ra, rb, limit) <= limit
}

// editDistance returns the Levenshtein distance between a and b, or
// limit+1 when it is larger than limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// FirstName returns the first word of a name: "Maya" for "Maya Ortiz".
func FirstName(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.IndexFunc(name, func(r rune) bool { return r == ' ' || r == '\t' }); i >= 0 {
		return name[:i]
	}
	return name
}

// Title returns name with the first letter of each word in upper case,
// for names found in text written all in lower case.
func Title(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		if up {
			b.WriteString(strings.ToUpper(string(r)))
		} else {
			b.WriteRune(r)
		}
		up = r == ' ' || r == '-'
	}
	return b.String()
}

// Names maps roles to names supplied from outside the text, such as
// {Interviewer: "Sam Lee", Guest: "Maya Ortiz"}.
type Names map[Role]string

// ParseNames parses a list of names and roles in the form
// "Sam Lee=interviewer,Maya Ortiz=guest", as the -speakers flag of the
// command takes it. White space around names and roles is ignored; each
// role may appear once.
func ParseNames(s string) (Names, error) {
	n := Names{}
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, role, ok := strings.Cut(item, "=")
		name, role = strings.TrimSpace(name), strings.TrimSpace(role)
		if !ok || name == "" {
			return nil, fmt.Errorf("speaker: %q is not NAME=ROLE", item)
		}
		var r Role
		if err := r.UnmarshalText([]byte(role)); err != nil || r == Unknown {
			return nil, fmt.Errorf("speaker: %q: the role must be interviewer or guest", item)
		}
		if _, dup := n[r]; dup {
			return nil, fmt.Errorf("speaker: two names for the %s", r)
		}
		n[r] = name
	}
	return n, nil
}
