package speaker

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A MentionKind says how a name came up in the conversation.
type MentionKind string

// Kinds of mention.
const (
	// Vocative addresses the other party by name: "Thank you, Maya, for
	// coming", "Maya, do you…", "…, Maya?".
	Vocative MentionKind = "vocative"
	// Introduction presents the other party: "my guest today is Maya
	// Ortiz", "I'm here with Maya Ortiz", "welcome to the show, Maya".
	Introduction MentionKind = "introduction"
	// SelfIntroduction names the speaker: "my name is Sam Lee", "I'm Sam,
	// and this is…", "This is Sam Lee".
	SelfIntroduction MentionKind = "self-introduction"
	// SignOff thanks or takes leave of the other party by name: "Thanks,
	// Maya.", "Bye, Maya."
	SignOff MentionKind = "sign-off"
	// ThirdPerson is any other occurrence of a known name (see
	// [Finder.Names]); it says nothing about who is speaking.
	ThirdPerson MentionKind = "third-person"
)

// A Mention is a name found in a text.
type Mention struct {
	// Name is the name as written, one or two words ("Maya", "Maya
	// Ortiz").
	Name string
	// Start and End are the byte offsets of the name in the text searched,
	// half-open, as strings.Index gives them.
	Start, End int
	// Kind says how the name came up.
	Kind MentionKind
	// Self reports that the name is the speaker's own (a
	// [SelfIntroduction]); otherwise a vocative, introduction or sign-off
	// names the other party of the conversation.
	Self bool
	// Weight is how strongly the pattern that found the name speaks for
	// it, in (0, 1]: 1 for an explicit introduction or "Thanks, Maya.",
	// less for a bare comma-delimited vocative. ThirdPerson mentions
	// weigh 0.
	Weight float64
}

// A Finder finds mentions of names. The zero value is ready to use; a
// Finder is safe for concurrent use once its fields are set.
type Finder struct {
	// Names are names known beforehand ("Maya Ortiz"), for example
	// supplied by the user. Their first words are taken for names wherever
	// a vocative or introduction pattern allows a name, also in lower-case
	// text and in common words, and their other occurrences are reported
	// as ThirdPerson mentions.
	Names []string
}

// Mentions returns the names mentioned in s in order of their offsets,
// using the zero [Finder].
func Mentions(s string) []Mention {
	var f Finder
	return f.Mentions(s)
}

// Mentions returns the names mentioned in s in order of their offsets.
// Offsets are relative to s.
//
// The patterns are conservative: a capitalized word after a comma is a
// name only where a vocative or an introduction puts it, and words that
// address no one in particular ("guys", "folks", "man"), discourse words
// ("Yeah", "Right", "Well"), days and months are never names. In text
// with no capital letters (speech-recognition captions) only the
// strongest patterns count, and only for words that are not common
// English words.
func (f *Finder) Mentions(s string) []Mention {
	buf := tokenPool.Get().(*[]token)
	defer tokenPool.Put(buf)
	toks := tokenize((*buf)[:0], s)
	*buf = toks
	if len(toks) == 0 {
		return nil
	}
	m := matcher{s: s, toks: toks, cased: hasUpper(s)}
	for _, n := range f.Names {
		if w := strings.Fields(n); len(w) > 0 {
			m.known = append(m.known, strings.ToLower(w[0]))
		}
	}
	var out []Mention
	taken := make([]bool, len(toks))
	add := func(i, n int, kind MentionKind, w float64) {
		if kind != ThirdPerson && quoted(s[:toks[i].start]) {
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
		if c := s[t.start]; m.cased && 'a' <= c && c <= 'z' && !m.isKnown(t.lower) {
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
	sortMentions(out)
	return out
}

// quoted reports whether the end of s lies inside a quotation: after an
// odd number of straight double quotes or more opening curly quotes than
// closing ones.
func quoted(s string) bool {
	straight := strings.Count(s, `"`) + strings.Count(s, "&quot;")
	return straight%2 == 1 || strings.Count(s, "“") > strings.Count(s, "”")
}

func sortMentions(ms []Mention) {
	// Insertion sort: the list is short and nearly sorted.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// A token is a word of the text: a run of letters, digits, apostrophes
// and inner hyphens.
type token struct {
	start, end int    // the word is s[start:end]
	lower      string // lower case, with ’ as '
	// gap is the punctuation between the previous token and this one,
	// white space left out.
	gap string
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
}

// asciiWord marks the ASCII bytes isWordRune accepts.
var asciiWord = func() (t [128]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// wordAt reports whether the rune at s[i] is a word rune and returns its
// length.
func wordAt(s string, i int) (isWord, isPunct bool, n int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c], c == '-' || c == '\'', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r), r == '’', n
}

// tokenPool holds token buffers for Mentions to reuse. A pooled buffer
// may keep the last text it was used for alive until it is used again.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// tokenize appends the tokens of s to toks.
func tokenize(toks []token, s string) []token {
	prevEnd := 0
	lows := "" // s with ASCII letters in lower case, made on first need
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] || c == '-' || c == '\'' {
				i++
				continue
			}
		} else if w, p, n := wordAt(s, i); !w || p {
			i += n
			continue
		}
		j := i
		kind := lowerASCII // as asciiCase would say, before trimming
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					kind = max(kind, hasASCIIUpper)
				}
				j++
				continue
			}
			w, _, n := wordAt(s, j)
			if !w {
				break
			}
			kind = notASCII
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
		if kind == notASCII {
			kind = asciiCase(text) // the trimmed ’ may have been the only non-ASCII rune
		}
		low := text
		switch kind {
		case hasASCIIUpper:
			if lows == "" {
				lows = asciiLower(s)
			}
			low = lows[i:j]
		case notASCII:
			low = lower(text)
		}
		toks = append(toks, token{start: i, end: j, lower: low, gap: gap(s[prevEnd:i])})
		prevEnd = j
		i = j
	}
	return toks
}

// Results of asciiCase.
const (
	lowerASCII = iota
	hasASCIIUpper
	notASCII
)

// asciiCase says whether w is ASCII, and if so whether it has an upper-case
// letter.
func asciiCase(w string) int {
	c := lowerASCII
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= utf8.RuneSelf:
			return notASCII
		case 'A' <= b && b <= 'Z':
			c = hasASCIIUpper
		}
	}
	return c
}

// asciiLower returns s with its ASCII upper-case letters in lower case
// and every other byte as it is, so that its substrings over ASCII words
// are those words' lower case: one allocation for all the words of s.
func asciiLower(s string) string {
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
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}

// gap returns s without its white space. When the rest is one run, as in
// ", ", gap returns a substring of s and allocates nothing.
func gap(s string) string {
	a, b := -1, -1 // the run of non-space bytes so far
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return gapSlow(s)
		}
		if asciiSpace[c] {
			continue
		}
		if a >= 0 && b != i {
			return gapSlow(s) // a second run
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
var asciiSpace = func() (t [128]bool) {
	for c := range t {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

func gapSlow(s string) string {
	var gap strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			gap.WriteRune(r)
		}
	}
	return gap.String()
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// A matcher holds the state of one Mentions call.
type matcher struct {
	s     string
	toks  []token
	cased bool
	known []string // lower-case first names from Finder.Names
	// midCaps counts the tokens capitalized inside a sentence by their
	// lower-case form; nil until nameLike first needs it.
	midCaps map[string]int
}

// word returns token i as written.
func (m *matcher) word(i int) string { return m.s[m.toks[i].start:m.toks[i].end] }

// endsSentence reports whether the gap holds a sentence terminator.
func endsSentence(gap string) bool { return strings.ContainsAny(gap, ".?!…") }

func (m *matcher) sentenceStart(i int) bool {
	g := m.toks[i].gap
	return i == 0 || g != "" && (endsSentence(g) || strings.ContainsAny(g, "\"“:"))
}

// gapAfter returns the punctuation after token i ("" at the end of s).
func (m *matcher) gapAfter(i int) string {
	if i+1 < len(m.toks) {
		return m.toks[i+1].gap
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
func (m *matcher) closes(i int) bool {
	return i+1 == len(m.toks) || endsSentence(m.toks[i+1].gap)
}

func (m *matcher) isKnown(lower string) bool {
	if len(m.known) == 0 || strings.ContainsAny(lower, "'’") {
		return false
	}
	for _, k := range m.known {
		if lower == k || Similar(lower, k) {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isCapitalized(w string) bool {
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
func (m *matcher) nameLike(i int, strict bool) bool {
	if i < 0 || i >= len(m.toks) {
		return false
	}
	t := m.toks[i]
	if m.isKnown(t.lower) {
		return true
	}
	if utf8.RuneCountInString(t.lower) < 2 || notName[t.lower] {
		return false
	}
	if rest := m.s[t.end:]; len(rest) > 1 && (rest[0] == '.' || rest[0] == '/') && unicode.IsLetter(rune(rest[1])) {
		return false // "Acme.com"
	}
	for _, r := range t.lower {
		if !unicode.IsLetter(r) && r != '-' {
			return false // digits, possessives, contractions
		}
	}
	if !m.cased {
		return !common[t.lower]
	}
	if !isCapitalized(m.s[t.start:t.end]) {
		return false
	}
	if strict && common[t.lower] {
		// A common word at the start of a sentence is a name only if s
		// also capitalizes it inside a sentence.
		if m.midCaps == nil {
			m.midCaps = map[string]int{}
			for j := range m.toks {
				if !m.sentenceStart(j) && isCapitalized(m.word(j)) {
					m.midCaps[m.toks[j].lower]++
				}
			}
		}
		n := m.midCaps[t.lower]
		if !m.sentenceStart(i) {
			n-- // token i itself is capitalized
		}
		return n > 0
	}
	return true
}

// surname reports whether token i+1 continues the name at token i: a
// second capitalized word with no punctuation between.
func (m *matcher) surname(i int) bool {
	j := i + 1
	if j >= len(m.toks) || m.toks[j].gap != "" {
		return false
	}
	if !m.cased {
		return !common[m.toks[j].lower] && m.nameLike(j, true)
	}
	return m.nameLike(j, false)
}

// phraseBefore reports whether the words ending just before token i are
// p (lower case, separated by single spaces), with no sentence break
// inside. It matches from the last word back, so most calls end at the
// first comparison, and it allocates nothing.
func (m *matcher) phraseBefore(i int, p string) bool {
	j := i
	for {
		k := strings.LastIndexByte(p, ' ')
		w := p[k+1:]
		j--
		if j < 0 || m.toks[j].lower != w {
			return false
		}
		if k < 0 {
			return true
		}
		if endsSentence(m.toks[j].gap) {
			return false // a break inside the phrase
		}
		p = p[:k]
	}
}

// phraseAt reports whether the words from token i on are p (lower case,
// separated by single spaces).
func (m *matcher) phraseAt(i int, p string) bool {
	for k := 0; ; k++ {
		w, rest, more := strings.Cut(p, " ")
		if i+k >= len(m.toks) {
			return false
		}
		t := m.toks[i+k]
		if t.lower != w || (k > 0 && endsSentence(t.gap)) {
			return false
		}
		if !more {
			return true
		}
		p = rest
	}
}

// Phrases that introduce the other party, the name following.
var introductions = []string{
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
var selfIntroductions = []string{"my name is", "this is", "i'm", "i am"}

// Greetings and sign-offs, the name following.
var greetings = []struct {
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
var afterVocative = set(`you your you're you've you'd do does did don't didn't is isn't are aren't was
	can can't could would wouldn't will won't should have has what what's how why when where who which
	i i'm i've i'd i'll we we're this that let tell thank thanks welcome before if for and but so
	it it's there here as in on`)

// Words that may come before a mid-sentence vocative ("Thank you, Maya,").
var beforeVocative = set(`you thanks thank curious here point so well okay ok and but yes no
	again much me up chat go today then too though also`)

// Words before a comma that make the capitalized word after it an
// apposition, not an address: "at my old company, Acme."
var beforeApposition = set(`a an another my our the their his her its called named`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// A phrasesEnding lists the indexes of the introductions,
// selfIntroductions and greetings that end in one word, in order.
type phrasesEnding struct{ intro, self, greet []int }

// byLastWord holds the phrases by their last word, so that at tries only
// the phrases that can end before a token.
var byLastWord = func() map[string]phrasesEnding {
	m := map[string]phrasesEnding{}
	last := func(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }
	for k, p := range introductions {
		e := m[last(p)]
		e.intro = append(e.intro, k)
		m[last(p)] = e
	}
	for k, p := range selfIntroductions {
		e := m[last(p)]
		e.self = append(e.self, k)
		m[last(p)] = e
	}
	for k, g := range greetings {
		e := m[last(g.phrase)]
		e.greet = append(e.greet, k)
		m[last(g.phrase)] = e
	}
	return m
}()

// lastWords marks the last words of the phrases in byLastWord by length
// and first byte, a bit for each last byte, so that at can skip most
// words without a map lookup.
var lastWords = func() (t [16][256]uint64) {
	for w := range byLastWord {
		t[len(w)][w[0]] |= 1 << (w[len(w)-1] & 63)
	}
	return t
}()

// mayEndPhrase reports whether a phrase in byLastWord may end in w.
func mayEndPhrase(w string) bool {
	return len(w) > 0 && len(w) < len(lastWords) && lastWords[len(w)][w[0]]&(1<<(w[len(w)-1]&63)) != 0
}

// at tries the patterns that put a name at or around token i.
func (m *matcher) at(i int, add func(i, n int, kind MentionKind, w float64)) {
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
	var ending phrasesEnding
	if i > 0 && mayEndPhrase(m.toks[i-1].lower) {
		ending = byLastWord[m.toks[i-1].lower]
	}
	// Introductions: "I'm here with Maya Ortiz", "welcome to the show, Maya".
	for _, k := range ending.intro {
		p := introductions[k]
		if !m.phraseBefore(i, p) || endsSentence(t.gap) {
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
		p := selfIntroductions[k]
		if !m.phraseBefore(i, p) || endsSentence(t.gap) {
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
		g := greetings[k]
		if !m.phraseBefore(i, g.phrase) || endsSentence(t.gap) {
			continue
		}
		n, ok := name(i, !m.cased)
		if !ok || strings.ContainsAny(m.toks[i-1-strings.Count(g.phrase, " ")].gap, "\"“") {
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
		if m.sentenceStart(i) || i > 0 && m.toks[i-1].lower == "so" {
			if n, ok := name(i, true); ok && n == 1 && (m.phraseAt(i+1, "welcome") || m.phraseAt(i+1, "thank you") || m.phraseAt(i+1, "thanks")) {
				add(i, 1, Vocative, 0.6)
			}
		}
		return
	}
	gap, after := t.gap, m.gapAfter(i)
	switch {
	case strings.Contains(gap, ",") && !endsSentence(gap) && i > 0:
		// "…, Maya?" "…, Maya." "Thank you, Maya, for…"
		prev := m.toks[i-1]
		if startsUpper(m.word(i-1)) && !m.sentenceStart(i-1) && prev.lower != "i" {
			return // "Paris, France": a list of names, not an address
		}
		if i+1 < len(m.toks) && startsUpper(m.word(i+1)) && m.toks[i+1].lower != "i" && !strings.HasPrefix(m.toks[i+1].lower, "i'") && !endsSentence(after) {
			return // "Paris, Lyon, and…": a list again
		}
		if !m.closes(i) && (!strings.Contains(after, ",") || endsSentence(after)) {
			return // neither case below: no need to ask nameLike
		}
		if !m.nameLike(i, false) {
			return
		}
		for k := max(0, i-3); k < i && !strings.ContainsAny(after, "?!"); k++ {
			if beforeApposition[m.toks[k].lower] {
				return
			}
		}
		switch {
		case m.closes(i):
			w := 0.6
			if strings.Contains(after, "?") || strings.Contains(after, "!") || beforeVocative[prev.lower] {
				w = 1
			}
			add(i, 1, Vocative, w)
		case strings.Contains(after, ",") && !endsSentence(after):
			w := 0.4
			if next := m.toks[i+1].lower; afterVocative[next] || beforeVocative[prev.lower] {
				w = 0.7
			}
			add(i, 1, Vocative, w)
		}
	case m.sentenceStart(i):
		// "Maya, do you…", "Maya welcome to the show."
		if i+1 >= len(m.toks) {
			return
		}
		next := m.toks[i+1].lower
		// The patterns first, as most sentence starts match none; then
		// the word.
		comma := strings.Contains(after, ",") && !endsSentence(after) && afterVocative[next]
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
	case i > 0 && m.sentenceStart(i-1) && (m.toks[i-1].lower == "so" || m.toks[i-1].lower == "well" || m.toks[i-1].lower == "okay"):
		// "So, Maya, I think…", "So Maya I've been…"
		if !m.nameLike(i, true) || i+1 >= len(m.toks) || endsSentence(after) {
			return
		}
		if next := m.toks[i+1].lower; next == "you" || next == "your" || strings.HasPrefix(next, "you'") || next == "i" || strings.HasPrefix(next, "i'") {
			add(i, 1, Vocative, 0.6)
		}
	}
}

// opening reports whether token i comes early in s, after words that open
// a show ("Welcome to another episode of…").
func (m *matcher) opening(i int) bool {
	if m.toks[i].start > 400 {
		return false
	}
	for _, t := range m.toks[:i] {
		switch t.lower {
		case "welcome", "episode":
			return true
		}
	}
	return false
}

//go:embed common.txt
var commonText string

// common holds common lower-case English words (see gencommon.go).
var common = func() map[string]bool {
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
var notName = set(`
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
