package speaker

// This file keeps the implementation of Finder.Mentions as it was before
// its tokens were made smaller, as a reference that the tests compare the
// current one with. Names carry the prefix ref; comments are as they were.

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// refMentions is Finder{Names: names}.Mentions(s) as it was.
//
// The patterns are conservative: a capitalized word after a comma is a
// name only where a vocative or an introduction puts it, and words that
// address no one in particular ("guys", "folks", "man"), discourse words
// ("Yeah", "Right", "Well"), days and months are never names. In text
// with no capital letters (speech-recognition captions) only the
// strongest patterns count, and only for words that are not common
// English words.
func refMentions(names []string, s string) []Mention {
	buf := refTokenPool.Get().(*[]refToken)
	defer refTokenPool.Put(buf)
	toks := refTokenize((*buf)[:0], s)
	*buf = toks
	if len(toks) == 0 {
		return nil
	}
	m := refMatcher{s: s, toks: toks, cased: refHasUpper(s)}
	for _, n := range names {
		if w := strings.Fields(n); len(w) > 0 {
			m.known = append(m.known, strings.ToLower(w[0]))
		}
	}
	var out []Mention
	taken := make([]bool, len(toks))
	add := func(i, n int, kind MentionKind, w float64) {
		if kind != ThirdPerson && refQuoted(s[:toks[i].start]) {
			return // reported speech: "Then people say, "Well, Maya, …""
		}
		for k := i; k < i+n; k++ {
			if taken[k] {
				return
			}
		}
		for k := i; k < i+n; k++ {
			taken[k] = true
		}
		out = append(out, Mention{
			Name: s[toks[i].start:toks[i+n-1].end], Start: toks[i].start, End: toks[i+n-1].end,
			Kind: kind, Self: kind == SelfIntroduction, Weight: w,
		})
	}
	for i, t := range toks {
		// In cased text every pattern wants a name at or after token i
		// that nameLike accepts, which a word starting in lower case can
		// only be if it is a known name: skip the rest at once.
		if c := s[t.start]; m.cased && 'a' <= c && c <= 'z' && !m.isKnown(t.refLower) {
			continue
		}
		m.at(i, add)
	}
	if len(m.known) > 0 {
		for i, t := range toks {
			if taken[i] {
				continue
			}
			// "Maya's": the name without the possessive.
			end := t.end
			for _, suf := range []string{"'s", "’s"} {
				if strings.HasSuffix(s[t.start:t.end], suf) {
					end -= len(suf)
				}
			}
			if end > t.start && m.isKnown(strings.ToLower(s[t.start:end])) {
				out = append(out, Mention{Name: s[t.start:end], Start: t.start, End: end, Kind: ThirdPerson})
			}
		}
	}
	refSortMentions(out)
	return out
}

// quoted reports whether the end of s lies inside a quotation: after an
// odd number of straight double quotes or more opening curly quotes than
// closing ones.
func refQuoted(s string) bool {
	straight := strings.Count(s, `"`) + strings.Count(s, "&quot;")
	return straight%2 == 1 || strings.Count(s, "“") > strings.Count(s, "”")
}

func refSortMentions(ms []Mention) {
	// Insertion sort: the list is short and nearly sorted.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// A token is a word of the text: a run of letters, digits, apostrophes
// and inner hyphens.
type refToken struct {
	start, end int    // the word is s[start:end]
	refLower   string // lower case, with ’ as '
	// gap is the punctuation between the previous token and this one,
	// white space left out.
	refGap string
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// asciiWord marks the ASCII bytes isWordRune accepts.
var refAsciiWord = func() (t [128]bool) {
	for c := range t {
		t[c] = refIsWordRune(rune(c))
	}
	return t
}()

// wordAt reports whether the rune at s[i] is a word rune and returns its
// length.
func refWordAt(s string, i int) (isWord, isPunct bool, n int) {
	if c := s[i]; c < utf8.RuneSelf {
		return refAsciiWord[c], c == '-' || c == '\'', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return refIsWordRune(r), r == '’', n
}

// tokenPool holds token buffers for Mentions to reuse. A pooled buffer
// may keep the last text it was used for alive until it is used again.
var refTokenPool = sync.Pool{New: func() any { return new([]refToken) }}

// tokenize appends the tokens of s to toks.
func refTokenize(toks []refToken, s string) []refToken {
	prevEnd := 0
	lows := "" // s with ASCII letters in lower case, made on first need
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !refAsciiWord[c] || c == '-' || c == '\'' {
				i++
				continue
			}
		} else if w, p, n := refWordAt(s, i); !w || p {
			i += n
			continue
		}
		j := i
		kind := refLowerASCII // as asciiCase would say, before trimming
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !refAsciiWord[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					kind = max(kind, refHasASCIIUpper)
				}
				j++
				continue
			}
			w, _, n := refWordAt(s, j)
			if !w {
				break
			}
			kind = refNotASCII
			j += n
		}
		// Trailing apostrophes and hyphens are punctuation.
		for j > i && (s[j-1] == '\'' || s[j-1] == '-') {
			j--
		}
		if strings.HasSuffix(s[i:j], "’") {
			j -= len("’")
		}
		text := s[i:j]
		if kind == refNotASCII {
			kind = refAsciiCase(text) // the trimmed ’ may have been the only non-ASCII rune
		}
		low := text
		switch kind {
		case refHasASCIIUpper:
			if lows == "" {
				lows = refAsciiLower(s)
			}
			low = lows[i:j]
		case refNotASCII:
			low = refLower(text)
		}
		toks = append(toks, refToken{start: i, end: j, refLower: low, refGap: refGap(s[prevEnd:i])})
		prevEnd = j
		i = j
	}
	return toks
}

// Results of asciiCase.
const (
	refLowerASCII = iota
	refHasASCIIUpper
	refNotASCII
)

// asciiCase says whether w is ASCII, and if so whether it has an upper-case
// letter.
func refAsciiCase(w string) int {
	c := refLowerASCII
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= utf8.RuneSelf:
			return refNotASCII
		case 'A' <= b && b <= 'Z':
			c = refHasASCIIUpper
		}
	}
	return c
}

// asciiLower returns s with its ASCII upper-case letters in lower case
// and every other byte as it is, so that its substrings over ASCII words
// are those words' lower case: one allocation for all the words of s.
func refAsciiLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	from := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// lower returns w in lower case, with ’ as '.
func refLower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}

// gap returns s without its white space. When the rest is one run, as in
// ", ", gap returns a substring of s and allocates nothing.
func refGap(s string) string {
	a, b := -1, -1 // the run of non-space bytes so far
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return refGapSlow(s)
		}
		if refAsciiSpace[c] {
			continue
		}
		if a >= 0 && b != i {
			return refGapSlow(s) // a second run
		}
		if a < 0 {
			a = i
		}
		b = i + 1
	}
	if a < 0 {
		return ""
	}
	return s[a:b]
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var refAsciiSpace = func() (t [128]bool) {
	for c := range t {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

func refGapSlow(s string) string {
	var refGap strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			refGap.WriteRune(r)
		}
	}
	return refGap.String()
}

func refHasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// A matcher holds the state of one Mentions call.
type refMatcher struct {
	s     string
	toks  []refToken
	cased bool
	known []string // lower-case first names from Finder.Names
	// midCaps counts the tokens capitalized inside a sentence by their
	// lower-case form; nil until nameLike first needs it.
	midCaps map[string]int
}

// word returns token i as written.
func (m *refMatcher) word(i int) string { return m.s[m.toks[i].start:m.toks[i].end] }

// endsSentence reports whether the gap holds a sentence terminator.
func refEndsSentence(refGap string) bool { return strings.ContainsAny(refGap, ".?!…") }

func (m *refMatcher) sentenceStart(i int) bool {
	g := m.toks[i].refGap
	return i == 0 || g != "" && (refEndsSentence(g) || strings.ContainsAny(g, "\"“:"))
}

// gapAfter returns the punctuation after token i ("" at the end of s).
func (m *refMatcher) gapAfter(i int) string {
	if i+1 < len(m.toks) {
		return m.toks[i+1].refGap
	}
	var b strings.Builder
	for _, r := range m.s[m.toks[i].end:] {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// closes reports whether token i ends its sentence or the text.
func (m *refMatcher) closes(i int) bool {
	return i+1 == len(m.toks) || refEndsSentence(m.toks[i+1].refGap)
}

func (m *refMatcher) isKnown(refLower string) bool {
	if len(m.known) == 0 || strings.ContainsAny(refLower, "'’") {
		return false
	}
	for _, k := range m.known {
		if refLower == k || refSimilar(refLower, k) && !refCommon[refLower] {
			return true
		}
	}
	return false
}

func refStartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func refIsCapitalized(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	// "AI", "NASA": an acronym is not a first name.
	for _, r := range w[n:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// nameLike reports whether token i can be a name. strict asks for more
// than a capital, for places where any word is capitalized (the start of
// a sentence) or where the text has no capitals at all.
func (m *refMatcher) nameLike(i int, strict bool) bool {
	if i < 0 || i >= len(m.toks) {
		return false
	}
	t := m.toks[i]
	if m.isKnown(t.refLower) {
		return true
	}
	if utf8.RuneCountInString(t.refLower) < 2 || refNotName[t.refLower] {
		return false
	}
	if rest := m.s[t.end:]; len(rest) > 1 && (rest[0] == '.' || rest[0] == '/') && unicode.IsLetter(rune(rest[1])) {
		return false // "Acme.com"
	}
	for _, r := range t.refLower {
		if !unicode.IsLetter(r) && r != '-' {
			return false // digits, possessives, contractions
		}
	}
	if !m.cased {
		return !refCommon[t.refLower]
	}
	if !refIsCapitalized(m.s[t.start:t.end]) {
		return false
	}
	if strict && refCommon[t.refLower] {
		// A common word at the start of a sentence is a name only if s
		// also capitalizes it inside a sentence.
		if m.midCaps == nil {
			m.midCaps = map[string]int{}
			for j := range m.toks {
				if !m.sentenceStart(j) && refIsCapitalized(m.word(j)) {
					m.midCaps[m.toks[j].refLower]++
				}
			}
		}
		n := m.midCaps[t.refLower]
		if !m.sentenceStart(i) {
			n-- // token i itself is capitalized
		}
		return n > 0
	}
	return true
}

// surname reports whether token i+1 continues the name at token i: a
// second capitalized word with no punctuation between.
func (m *refMatcher) surname(i int) bool {
	j := i + 1
	if j >= len(m.toks) || m.toks[j].refGap != "" {
		return false
	}
	if !m.cased {
		return !refCommon[m.toks[j].refLower] && m.nameLike(j, true)
	}
	return m.nameLike(j, false)
}

// phraseBefore reports whether the words ending just before token i are
// p (lower case, separated by single spaces), with no sentence break
// inside. It matches from the last word back, so most calls end at the
// first comparison, and it allocates nothing.
func (m *refMatcher) phraseBefore(i int, p string) bool {
	j := i
	for {
		k := strings.LastIndexByte(p, ' ')
		w := p[k+1:]
		j--
		if j < 0 || m.toks[j].refLower != w {
			return false
		}
		if k < 0 {
			return true
		}
		if refEndsSentence(m.toks[j].refGap) {
			return false // a break inside the phrase
		}
		p = p[:k]
	}
}

// phraseAt reports whether the words from token i on are p (lower case,
// separated by single spaces).
func (m *refMatcher) phraseAt(i int, p string) bool {
	for k := 0; ; k++ {
		w, rest, more := strings.Cut(p, " ")
		if i+k >= len(m.toks) {
			return false
		}
		t := m.toks[i+k]
		if t.refLower != w || (k > 0 && refEndsSentence(t.refGap)) {
			return false
		}
		if !more {
			return true
		}
		p = rest
	}
}

// Phrases that introduce the other party, the name following.
var refIntroductions = []string{
	"my guest today is", "my guest is", "our guest today is", "our guest is",
	"joining me today is", "joining me is", "joining us today is", "joining us is",
	"with me today is", "with me is", "with us today is", "with us is",
	"i'm here with", "we're here with", "i am here with", "we are here with",
	"39 m here with", // "I&#39;m": text taken from HTML without unescaping
	"we have with us", "today we have", "i'm joined by", "we're joined by",
	"i'm talking with", "i'm talking to", "please welcome", "let's welcome",
	"welcome to the show", "welcome back to the show", "welcome to the podcast",
	"welcome back to the podcast", "welcome back", "welcome",
}

// Phrases that name the speaker, the name following.
var refSelfIntroductions = []string{"my name is", "this is", "i'm", "i am"}

// Greetings and sign-offs, the name following.
var refGreetings = []struct {
	phrase string
	kind   MentionKind
}{
	{"thank you so much", SignOff}, {"thank you very much", SignOff}, {"thanks so much", SignOff},
	{"thank you", SignOff}, {"thanks", SignOff}, {"bye", SignOff}, {"goodbye", SignOff},
	{"take care", SignOff}, {"cheers", SignOff}, {"see you", SignOff},
	{"hi there", Vocative}, {"hello there", Vocative}, {"hey there", Vocative},
	{"hi", Vocative}, {"hello", Vocative}, {"hey", Vocative}, {"what's up", Vocative},
}

// Words that may follow a vocative ("Maya, do you…", "…, Maya, if I may").
var refAfterVocative = refSet(`you your you're you've you'd do does did don't didn't is isn't are aren't was
	can can't could would wouldn't will won't should have has what what's how why when where who which
	i i'm i've i'd i'll we we're this that let tell thank thanks welcome before if for and but so
	it it's there here as in on`)

// Words that may come before a mid-sentence vocative ("Thank you, Maya,").
var refBeforeVocative = refSet(`you thanks thank curious here point so well okay ok and but yes no
	again much me up chat go today then too though also`)

// Words before a comma that make the capitalized word after it an
// apposition, not an address: "at my old company, Acme."
var refBeforeApposition = refSet(`a an another my our the their his her its called named`)

func refSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// A phrasesEnding lists the indexes of the introductions,
// selfIntroductions and greetings that end in one word, in order.
type refPhrasesEnding struct{ intro, self, greet []int }

// byLastWord holds the phrases by their last word, so that at tries only
// the phrases that can end before a token.
var refByLastWord = func() map[string]refPhrasesEnding {
	m := map[string]refPhrasesEnding{}
	last := func(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }
	for k, p := range refIntroductions {
		e := m[last(p)]
		e.intro = append(e.intro, k)
		m[last(p)] = e
	}
	for k, p := range refSelfIntroductions {
		e := m[last(p)]
		e.self = append(e.self, k)
		m[last(p)] = e
	}
	for k, g := range refGreetings {
		e := m[last(g.phrase)]
		e.greet = append(e.greet, k)
		m[last(g.phrase)] = e
	}
	return m
}()

// lastWords marks the last words of the phrases in byLastWord by length
// and first byte, a bit for each last byte, so that at can skip most
// words without a map lookup.
var refLastWords = func() (t [16][256]uint64) {
	for w := range refByLastWord {
		t[len(w)][w[0]] |= 1 << (w[len(w)-1] & 63)
	}
	return t
}()

// mayEndPhrase reports whether a phrase in byLastWord may end in w.
func refMayEndPhrase(w string) bool {
	return len(w) > 0 && len(w) < len(refLastWords) && refLastWords[len(w)][w[0]]&(1<<(w[len(w)-1]&63)) != 0
}

// at tries the patterns that put a name at or around token i.
func (m *refMatcher) at(i int, add func(i, n int, kind MentionKind, w float64)) {
	t := m.toks[i]
	name := func(j int, strict bool) (int, bool) {
		if !m.nameLike(j, strict) {
			return 0, false
		}
		if m.surname(j) {
			return 2, true
		}
		return 1, true
	}
	// The phrases that can end at token i-1, in order.
	var ending refPhrasesEnding
	if i > 0 && refMayEndPhrase(m.toks[i-1].refLower) {
		ending = refByLastWord[m.toks[i-1].refLower]
	}
	// Introductions: "I'm here with Maya Ortiz", "welcome to the show, Maya".
	for _, k := range ending.intro {
		p := refIntroductions[k]
		if !m.phraseBefore(i, p) || refEndsSentence(t.refGap) {
			continue
		}
		if p == "welcome" || p == "welcome back" {
			// "Welcome, Maya." but not "welcome Google's new…".
			if n, ok := name(i, !m.cased); ok && (m.closes(i+n-1) || strings.Contains(m.gapAfter(i+n-1), ",") || !m.cased) {
				add(i, n, Introduction, 0.8)
			}
			return
		}
		if n, ok := name(i, !m.cased); ok {
			w := 0.8
			if n == 2 {
				w = 1
			}
			if !m.cased && n == 1 {
				w = 0.6
			}
			add(i, n, Introduction, w)
		}
		return
	}
	// Self-introductions: "My name is Sam Lee", "I'm Sam, and this is".
	for _, k := range ending.self {
		p := refSelfIntroductions[k]
		if !m.phraseBefore(i, p) || refEndsSentence(t.refGap) {
			continue
		}
		n, ok := name(i, true)
		if !ok {
			return
		}
		switch {
		case p == "my name is":
			add(i, n, SelfIntroduction, 1)
		case n == 2 && (p == "this is" && (m.sentenceStart(i-2) || !m.cased && m.opening(i)) || p != "this is" && m.sentenceStart(i-1)):
			// "This is Sam Lee." "I'm Sam Lee." Full names only, and
			// surely a name only in a show's opening words.
			w := 0.6
			if m.opening(i) {
				w = 1
			}
			add(i, n, SelfIntroduction, w)
		case n == 1 && m.cased && strings.Contains(m.gapAfter(i), ",") && m.phraseAt(i+1, "and this is"):
			add(i, n, SelfIntroduction, 1)
		}
		return
	}
	// Greetings and sign-offs: "Thanks, Maya.", "Hi there, Maya!".
	for _, k := range ending.greet {
		g := refGreetings[k]
		if !m.phraseBefore(i, g.phrase) || refEndsSentence(t.refGap) {
			continue
		}
		n, ok := name(i, !m.cased)
		if !ok || strings.ContainsAny(m.toks[i-1-strings.Count(g.phrase, " ")].refGap, "\"“") {
			return // a greeting quoted: "Hey, Siri, …"
		}
		switch {
		case m.cased && (m.closes(i+n-1) || strings.Contains(m.gapAfter(i+n-1), ",")):
			add(i, n, g.kind, 1)
		case !m.cased:
			add(i, n, g.kind, 0.6)
		}
		return
	}
	if !m.cased {
		// "maya welcome back to the show", "maya thanks so much for…"
		if m.sentenceStart(i) || i > 0 && m.toks[i-1].refLower == "so" {
			if n, ok := name(i, true); ok && n == 1 && (m.phraseAt(i+1, "welcome") || m.phraseAt(i+1, "thank you") || m.phraseAt(i+1, "thanks")) {
				add(i, 1, Vocative, 0.6)
			}
		}
		return
	}
	refGap, after := t.refGap, m.gapAfter(i)
	switch {
	case strings.Contains(refGap, ",") && !refEndsSentence(refGap) && i > 0:
		// "…, Maya?" "…, Maya." "Thank you, Maya, for…"
		prev := m.toks[i-1]
		if refStartsUpper(m.word(i-1)) && !m.sentenceStart(i-1) && prev.refLower != "i" {
			return // "Paris, France": a list of names, not an address
		}
		if i+1 < len(m.toks) && refStartsUpper(m.word(i+1)) && m.toks[i+1].refLower != "i" && !strings.HasPrefix(m.toks[i+1].refLower, "i'") && !refEndsSentence(after) {
			return // "Paris, Lyon, and…": a list again
		}
		if !m.closes(i) && (!strings.Contains(after, ",") || refEndsSentence(after)) {
			return // neither case below: no need to ask nameLike
		}
		if !m.nameLike(i, false) {
			return
		}
		for k := max(0, i-3); k < i && !strings.ContainsAny(after, "?!"); k++ {
			if refBeforeApposition[m.toks[k].refLower] {
				return
			}
		}
		switch {
		case m.closes(i):
			w := 0.6
			if strings.Contains(after, "?") || strings.Contains(after, "!") || refBeforeVocative[prev.refLower] {
				w = 1
			}
			add(i, 1, Vocative, w)
		case strings.Contains(after, ",") && !refEndsSentence(after):
			w := 0.4
			if next := m.toks[i+1].refLower; refAfterVocative[next] || refBeforeVocative[prev.refLower] {
				w = 0.7
			}
			add(i, 1, Vocative, w)
		}
	case m.sentenceStart(i):
		// "Maya, do you…", "Maya welcome to the show."
		if i+1 >= len(m.toks) {
			return
		}
		next := m.toks[i+1].refLower
		// The patterns first, as most sentence starts match none; then
		// the word.
		comma := strings.Contains(after, ",") && !refEndsSentence(after) && refAfterVocative[next]
		if !comma && (after != "" || next != "welcome" && !m.phraseAt(i+1, "thank you") && next != "thanks") {
			return
		}
		if !m.nameLike(i, true) {
			return
		}
		if comma {
			add(i, 1, Vocative, 0.7)
		} else {
			add(i, 1, Vocative, 0.8)
		}
	case i > 0 && m.sentenceStart(i-1) && (m.toks[i-1].refLower == "so" || m.toks[i-1].refLower == "well" || m.toks[i-1].refLower == "okay"):
		// "So, Maya, I think…", "So Maya I've been…"
		if !m.nameLike(i, true) || i+1 >= len(m.toks) || refEndsSentence(after) {
			return
		}
		if next := m.toks[i+1].refLower; next == "you" || next == "your" || strings.HasPrefix(next, "you'") || next == "i" || strings.HasPrefix(next, "i'") {
			add(i, 1, Vocative, 0.6)
		}
	}
}

// opening reports whether token i comes early in s, after words that open
// a show ("Welcome to another episode of…").
func (m *refMatcher) opening(i int) bool {
	if m.toks[i].start > 400 {
		return false
	}
	for _, t := range m.toks[:i] {
		switch t.refLower {
		case "welcome", "episode":
			return true
		}
	}
	return false
}

// common holds common lower-case English words (see gencommon.go).
var refCommon = func() map[string]bool {
	m := make(map[string]bool, 8192)
	for line := range strings.Lines(commonText) {
		line = strings.TrimSpace(line)
		if line != "" && line[0] != '#' {
			m[line] = true
		}
	}
	return m
}()

// notName holds words that are never taken for names, in any case.
var refNotName = refSet(`
	yeah yes yep yup no nope nah okay ok oh ah uh um hmm wow well right sure so now look
	listen see hey hi hello thanks thank please sorry fine great good cool awesome nice
	absolutely exactly totally definitely indeed true fair interesting anyway again also actually
	and but or because if then though however first second third finally last next
	god lord jesus christ sir madam ma'am man dude bro buddy guys folks everybody everyone
	someone somebody anybody anyone nobody people friends friend ladies gentlemen gents
	all both you your yours we us our they them he she him her it this that there here
	mom dad mum mother father brother sister son daughter baby honey darling love dear
	monday tuesday wednesday thursday friday saturday sunday
	january february march april may june july august september october november december
	today tomorrow yesterday tonight morning evening afternoon
	english american indian chinese european america india china europe
	mister mr mrs ms dr doctor professor world alexa siri cortana google
`)

// refSimilar is Similar as it was. It reports whether two names are
// likely the same name spelled two ways, as speech recognition misspells names ("Daryu" for "Dario"): the
// same first letter, both at least four letters long, and an edit
// distance of at most two (one for names of four letters). Case is
// ignored. Identical names are similar.
func refSimilar(a, b string) bool {
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
	return refEditDistance(ra, rb, limit) <= limit
}

// refEditDistance returns the Levenshtein distance between a and b, or
// limit+1 when it is larger than limit.
func refEditDistance(a, b []rune, limit int) int {
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
