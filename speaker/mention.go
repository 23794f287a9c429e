package speaker

import (
	_ "embed"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A MentionKind says how a name came up in the conversation.
type MentionKind string

// Kinds of mention.
const (
	// Vocative addresses the other party by name: "Maya, do you…", "…,
	// Maya?", "I'll be blunt, Maya.".
	Vocative MentionKind = "vocative"
	// Introduction presents the other party: "my guest today is Maya
	// Ortiz", "I'm here with Maya Ortiz", "welcome to the show, Maya".
	Introduction MentionKind = "introduction"
	// SelfIntroduction names the speaker: "my name is Sam Lee", "I'm Sam,
	// and this is…", "This is Sam Lee".
	SelfIntroduction MentionKind = "self-introduction"
	// SignOff thanks or takes leave of the other party by name: "Thanks,
	// Maya.", "Thank you, Maya, for coming", "Bye, Maya."
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
	// as ThirdPerson mentions. Close spellings count too ([Similar]:
	// "Maia" for "Maya"), but not a common word ("times" is not "Tomas").
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
	m := matcherPool.Get().(*matcher)
	defer m.release()
	m.s = s
	m.tokenize()
	if len(m.toks) == 0 {
		return nil
	}
	m.setKnown(f.Names)
	m.taken = append(m.taken[:0], make([]bool, len(m.toks))...)
	// In cased text every pattern wants a name at or after token i that
	// nameLike accepts, which a word starting in lower case can only be if
	// it is a known name: skip the rest at once.
	if m.cased && len(m.known) == 0 {
		for _, i := range m.caps {
			if m.mayMatch(i) {
				m.at(i)
			}
		}
	} else {
		for i := range m.toks {
			if c := s[m.toks[i].start]; m.cased && 'a' <= c && c <= 'z' && !m.knownAt(i) {
				continue
			}
			if m.mayMatch(i) {
				m.at(i)
			}
		}
	}
	if len(m.known) > 0 {
		for i, t := range m.toks {
			if m.taken[i] {
				continue
			}
			// "Maya's": the name without the possessive.
			w, ok := strings.CutSuffix(s[t.start:t.end], "'s")
			if !ok {
				w = strings.TrimSuffix(w, "’s")
			}
			if w != "" && m.mayBeKnown(w) && m.isKnown(strings.ToLower(w)) {
				m.found = append(m.found, Mention{Name: w, Start: t.start, End: t.start + len(w), Kind: ThirdPerson})
			}
		}
	}
	if len(m.found) == 0 {
		return nil
	}
	sortMentions(m.found)
	return slices.Clone(m.found)
}

// add reports the n tokens from token i as a mention, unless they are
// quoted or already taken.
func (m *matcher) add(i, n int, kind MentionKind, w float64) {
	start, end := m.toks[i].start, m.toks[i+n-1].end
	if kind != ThirdPerson && quoted(m.s[:start]) {
		return // reported speech: "Then people say, "Well, Maya, …""
	}
	for k := i; k < i+n; k++ {
		if m.taken[k] {
			return
		}
	}
	for k := i; k < i+n; k++ {
		m.taken[k] = true
	}
	m.found = append(m.found, Mention{
		Name: m.s[start:end], Start: start, End: end,
		Kind: kind, Self: kind == SelfIntroduction, Weight: w,
	})
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

// A token is a word of the text, s[start:end]: a run of letters, digits,
// apostrophes and inner hyphens. Tokens keep offsets and flags only, no
// strings, so that they take little memory; the matcher lowers a word's
// case when a pattern asks for it (see matcher.lowerIs). The offsets stay
// ints: int32 ones save little time and would not do for a text of 2 GiB.
type token struct {
	start, end int
	// kind says whether the word is ASCII and has capitals, as asciiCase
	// says.
	kind uint8
	// gap says what the text between the previous token (or the start of
	// s) and this one holds besides white space: gapText and so on.
	gap uint8
}

// What a gap between tokens holds, in token.gap.
const (
	gapText  = 1 << iota // anything but white space
	gapComma             // ,
	gapStop              // a sentence terminator: . ? ! …
	gapAsk               // ? or !
	gapQuote             // " or “
	gapColon             // :

	// classStart marks, in asciiClass, the bytes that start a word.
	classStart = 1 << 7
)

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

// asciiClass holds classStart for the ASCII bytes that start a word (word
// bytes but the apostrophe and the hyphen), and for the others what they
// add to a gap.
var asciiClass = func() (t [128]uint8) {
	for c := range t {
		switch {
		case asciiWord[c] && c != '\'' && c != '-':
			t[c] = classStart
		default:
			t[c] = runeGap(rune(c))
		}
	}
	return t
}()

// runeGap returns what r adds to a gap.
func runeGap(r rune) uint8 {
	switch r {
	case ',':
		return gapText | gapComma
	case '.', '…':
		return gapText | gapStop
	case '?', '!':
		return gapText | gapStop | gapAsk
	case '"', '“':
		return gapText | gapQuote
	case ':':
		return gapText | gapColon
	}
	if unicode.IsSpace(r) {
		return 0
	}
	return gapText // also utf8.RuneError for a byte that is not UTF-8
}

// A matcher holds the state of one Mentions call. Mentions takes one from
// matcherPool and puts it back, so that its buffers serve call after call;
// each call has a matcher of its own, so a Finder stays safe for
// concurrent use.
type matcher struct {
	s     string
	toks  []token
	caps  []int // indexes of the tokens not starting with a-z
	tail  uint8 // what follows the last token, as token.gap
	cased bool  // whether s has an upper-case letter
	taken []bool
	found []Mention
	// known holds the lower-case first words of names, the first names
	// from Finder.Names; knownFor holds the names they come from.
	known, knownFor []string
	// firsts marks the ASCII first bytes of known; anyFirst reports that
	// some word in known starts with another byte (see mayBeKnown).
	firsts   [utf8.RuneSelf]bool
	anyFirst bool
	// midCaps counts the tokens of common words capitalized inside a
	// sentence by their lower-case form; nil until nameLike first needs
	// it.
	midCaps map[string]int
}

var matcherPool = sync.Pool{New: func() any { return new(matcher) }}

// release puts m back in matcherPool without the text and the mentions
// of the call.
func (m *matcher) release() {
	m.s = ""
	clear(m.found)
	m.found = m.found[:0]
	m.midCaps = nil
	matcherPool.Put(m)
}

// tokenize sets m.toks to the tokens of m.s, m.caps to the indexes of
// the tokens that do not start with a lower-case ASCII letter, m.tail to
// what follows the last token, and m.cased to whether m.s has an
// upper-case letter (such a letter is always in a word).
func (m *matcher) tokenize() {
	s := m.s
	toks, caps := m.toks[:0], m.caps[:0]
	cased := false
	var gap uint8 // the gap before the next token so far
	for i := 0; i < len(s); {
		// The bytes before a word.
		c := s[i]
		if c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl&classStart == 0 {
				gap |= cl
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) || r == '’' {
			gap |= runeGap(r)
			i += n
			continue
		}
		j := i
		upper, ascii := false, true // an ASCII capital, only ASCII
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					upper = true
				}
				j++
				// Lower-case letters mostly follow: pass them eight at a
				// time.
				for j+8 <= len(s) {
					w := s[j : j+8]
					n := lowerLetters(uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
						uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56)
					j += n
					if n < 8 {
						break
					}
				}
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			if !cased && unicode.IsUpper(r) {
				cased = true
			}
			ascii = false
			j += n
		}
		cased = cased || upper
		// Trailing apostrophes and hyphens are punctuation.
		for j > i && (s[j-1] == '\'' || s[j-1] == '-') {
			j--
		}
		if !ascii && strings.HasSuffix(s[i:j], "’") {
			j -= len("’")
		}
		kind := lowerASCII
		switch {
		case !ascii:
			kind = asciiCase(s[i:j]) // the trimmed ’ may have been the only non-ASCII rune
		case upper:
			kind = hasASCIIUpper
		}
		if c < 'a' || c > 'z' {
			caps = append(caps, len(toks))
		}
		toks = append(toks, token{start: i, end: j, kind: uint8(kind), gap: gap})
		gap = 0
		i = j
	}
	m.toks, m.caps, m.tail, m.cased = toks, caps, gap, cased
}

// lowerLetters returns how many of the eight bytes of x, from the least
// significant on, are lower-case ASCII letters in a row.
func lowerLetters(x uint64) int {
	// The high bit of each byte of letters says whether the byte is in
	// 'a'..'z': y+(0x80-'a') has it for bytes from 'a' up, y+(0x80-'z'-1)
	// for bytes past 'z', and x for bytes that are not ASCII. Clearing the
	// high bits of y first keeps the sums from carrying into the next
	// byte.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x &^ highs
	letters := (y + (0x80-'a')*ones) &^ (y + (0x80-'z'-1)*ones) &^ x & highs
	return bits.TrailingZeros64(^letters&highs) / 8
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

// appendLower appends w in lower case, with ’ as ', to dst: what
// strings.ToLower and then replacing ’ give for a word, which is valid
// UTF-8.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == '’' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

// word returns token i as written.
func (m *matcher) word(i int) string { return m.s[m.toks[i].start:m.toks[i].end] }

// lowerIs reports whether token i in lower case, with ’ as ', is w, a
// lower-case ASCII word. It allocates nothing.
func (m *matcher) lowerIs(i int, w string) bool {
	x := m.word(i)
	switch m.toks[i].kind {
	case lowerASCII:
		return x == w
	case hasASCIIUpper:
		if len(x) != len(w) {
			return false
		}
		for k := 0; k < len(x); k++ {
			c := x[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[k] {
				return false
			}
		}
		return true
	}
	var buf [32]byte
	return string(appendLower(buf[:0], x)) == w
}

// lowerHasPrefix reports whether token i in lower case, with ’ as ', begins
// with p, a lower-case ASCII string.
func (m *matcher) lowerHasPrefix(i int, p string) bool {
	x := m.word(i)
	if m.toks[i].kind == lowerASCII {
		return strings.HasPrefix(x, p)
	}
	var buf [32]byte
	return strings.HasPrefix(string(appendLower(buf[:0], x)), p)
}

// lookup returns table's value for token i in lower case, with ’ as '. It
// allocates nothing for words of up to 32 bytes.
func lookup[V any](m *matcher, i int, table map[string]V) V {
	x := m.word(i)
	if m.toks[i].kind == lowerASCII {
		return table[x]
	}
	var buf [32]byte
	return table[string(appendLower(buf[:0], x))] // no string made for a map index
}

// lower returns token i in lower case, with ’ as '. It allocates for a
// word with capitals or runes that are not ASCII.
func (m *matcher) lower(i int) string {
	x := m.word(i)
	if m.toks[i].kind == lowerASCII {
		return x
	}
	var buf [32]byte
	return string(appendLower(buf[:0], x))
}

// endsSentence reports whether a gap holds a sentence terminator.
func endsSentence(gap uint8) bool { return gap&gapStop != 0 }

func (m *matcher) sentenceStart(i int) bool {
	return i == 0 || m.toks[i].gap&(gapStop|gapQuote|gapColon) != 0
}

// gapAfter returns the gap after token i, as token.gap, or what follows
// the last token.
func (m *matcher) gapAfter(i int) uint8 {
	if i+1 < len(m.toks) {
		return m.toks[i+1].gap
	}
	return m.tail
}

// closes reports whether token i ends its sentence or the text.
func (m *matcher) closes(i int) bool {
	return i+1 == len(m.toks) || endsSentence(m.toks[i+1].gap)
}

// setKnown sets m.known to the lower-case first words of names, keeping
// them from the last call with the same names.
func (m *matcher) setKnown(names []string) {
	if slices.Equal(m.knownFor, names) {
		return
	}
	m.knownFor = append(m.knownFor[:0], names...)
	m.known = m.known[:0]
	m.firsts, m.anyFirst = [utf8.RuneSelf]bool{}, false
	for _, n := range names {
		// The first of strings.Fields(n).
		start := strings.IndexFunc(n, func(r rune) bool { return !unicode.IsSpace(r) })
		if start < 0 {
			continue
		}
		w := n[start:]
		if end := strings.IndexFunc(w, unicode.IsSpace); end >= 0 {
			w = w[:end]
		}
		k := strings.ToLower(w)
		m.known = append(m.known, k)
		if k[0] < utf8.RuneSelf {
			m.firsts[k[0]] = true
		} else {
			m.anyFirst = true
		}
	}
}

// mayBeKnown reports whether isKnown may accept w in lower case: unless w
// and every known word start with ASCII bytes, and w's in lower case is
// none of theirs, as isKnown and Similar then want.
func (m *matcher) mayBeKnown(w string) bool {
	c := w[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return m.anyFirst || c >= utf8.RuneSelf || m.firsts[c]
}

func (m *matcher) isKnown(lower string) bool {
	if len(m.known) == 0 || strings.ContainsAny(lower, "'’") {
		return false
	}
	for _, k := range m.known {
		// A common word is a misspelling of a name only when it is the
		// name: "times" is not "Tomas".
		if lower == k || Similar(lower, k) && !common[lower] {
			return true
		}
	}
	return false
}

// knownAt reports whether token i is a known name.
func (m *matcher) knownAt(i int) bool {
	return len(m.known) > 0 && m.mayBeKnown(m.word(i)) && m.isKnown(m.lower(i))
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isCapitalized(w string) bool {
	if w == "" || w[0] < utf8.RuneSelf && (w[0] < 'A' || w[0] > 'Z') {
		return false // the common case, made quick
	}
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
	if m.knownAt(i) {
		return true
	}
	t := m.toks[i]
	var buf [32]byte
	low := appendLower(buf[:0], m.word(i))
	if utf8.RuneCount(low) < 2 || notName[string(low)] {
		return false
	}
	if rest := m.s[t.end:]; len(rest) > 1 && (rest[0] == '.' || rest[0] == '/') && unicode.IsLetter(rune(rest[1])) {
		return false // "Acme.com"
	}
	for _, r := range string(low) {
		if !unicode.IsLetter(r) && r != '-' {
			return false // digits, possessives, contractions
		}
	}
	if !m.cased {
		return !common[string(low)]
	}
	if !isCapitalized(m.word(i)) {
		return false
	}
	if strict && common[string(low)] {
		// A common word at the start of a sentence is a name only if s
		// also capitalizes it inside a sentence.
		if m.midCaps == nil {
			m.midCaps = map[string]int{}
			for j := range m.toks {
				// Only common words are looked up.
				if !m.sentenceStart(j) && isCapitalized(m.word(j)) && lookup(m, j, common) {
					m.midCaps[m.lower(j)]++
				}
			}
		}
		n := m.midCaps[string(low)]
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
	if j >= len(m.toks) || m.toks[j].gap&gapText != 0 {
		return false
	}
	if !m.cased {
		return !lookup(m, j, common) && m.nameLike(j, true)
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
		if j < 0 || !m.lowerIs(j, w) {
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
		if !m.lowerIs(i+k, w) || (k > 0 && endsSentence(m.toks[i+k].gap)) {
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

// noPhrases lists no phrases.
var noPhrases phrasesEnding

// byLastWord holds the phrases by their last word, so that at tries only
// the phrases that can end before a token.
var byLastWord = func() map[string]*phrasesEnding {
	m := map[string]*phrasesEnding{}
	last := func(p string) *phrasesEnding {
		w := p[strings.LastIndexByte(p, ' ')+1:]
		if m[w] == nil {
			m[w] = new(phrasesEnding)
		}
		return m[w]
	}
	for k, p := range introductions {
		e := last(p)
		e.intro = append(e.intro, k)
	}
	for k, p := range selfIntroductions {
		e := last(p)
		e.self = append(e.self, k)
	}
	for k, g := range greetings {
		e := last(g.phrase)
		e.greet = append(e.greet, k)
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
func mayEndPhrase[W string | []byte](w W) bool {
	return len(w) > 0 && len(w) < len(lastWords) && lastWords[len(w)][w[0]]&(1<<(w[len(w)-1]&63)) != 0
}

// phrasesEndingAt returns the phrases that can end at token j, or nil.
func (m *matcher) phrasesEndingAt(j int) *phrasesEnding {
	x := m.word(j)
	if m.toks[j].kind == lowerASCII {
		if !mayEndPhrase(x) {
			return nil
		}
		return byLastWord[x]
	}
	var buf [32]byte
	low := appendLower(buf[:0], x)
	if !mayEndPhrase(low) {
		return nil
	}
	return byLastWord[string(low)]
}

// mayMatch reports whether at(i) may find a name: whether the gap before
// token i or the word before it is one that some pattern of at wants. It
// is quick, and false for most tokens.
func (m *matcher) mayMatch(i int) bool {
	if i == 0 || m.toks[i].gap&(gapComma|gapStop|gapQuote|gapColon) != 0 {
		return true // a comma before the name, or a sentence start
	}
	prev := m.toks[i-1]
	if prev.kind != lowerASCII {
		return true // at will lower it
	}
	// The end of a phrase, or a word before a vocative.
	w := m.s[prev.start:prev.end]
	return mayEndPhrase(w) || w == "so" || w == "well" || w == "okay"
}

// at tries the patterns that put a name at or around token i.
func (m *matcher) at(i int) {
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
	ending := &noPhrases
	if i > 0 {
		if e := m.phrasesEndingAt(i - 1); e != nil {
			// Every pattern from here on wants a name at token i that
			// nameLike(i, false) accepts at least: spare the phrases
			// (often many, as after "is") when there is none.
			if !m.nameLike(i, false) {
				return
			}
			ending = e
		}
	}
	// Introductions: "I'm here with Maya Ortiz", "welcome to the show, Maya".
	for _, k := range ending.intro {
		p := introductions[k]
		if !m.phraseBefore(i, p) || endsSentence(t.gap) {
			continue
		}
		if p == "welcome" || p == "welcome back" {
			// "Welcome, Maya." but not "welcome Google's new…".
			if n, ok := name(i, !m.cased); ok && (m.closes(i+n-1) || m.gapAfter(i+n-1)&gapComma != 0 || !m.cased) {
				m.add(i, n, Introduction, 0.8)
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
			m.add(i, n, Introduction, w)
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
			m.add(i, n, SelfIntroduction, 1)
		case n == 2 && (p == "this is" && (m.sentenceStart(i-2) || !m.cased && m.opening(i)) || p != "this is" && m.sentenceStart(i-1)):
			// "This is Sam Lee." "I'm Sam Lee." Full names only, and
			// surely a name only in a show's opening words.
			w := 0.6
			if m.opening(i) {
				w = 1
			}
			m.add(i, n, SelfIntroduction, w)
		case n == 1 && m.cased && m.gapAfter(i)&gapComma != 0 && m.phraseAt(i+1, "and this is"):
			m.add(i, n, SelfIntroduction, 1)
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
		if !ok || m.toks[i-1-strings.Count(g.phrase, " ")].gap&gapQuote != 0 {
			return // a greeting quoted: "Hey, Siri, …"
		}
		switch {
		case m.cased && (m.closes(i+n-1) || m.gapAfter(i+n-1)&gapComma != 0):
			m.add(i, n, g.kind, 1)
		case !m.cased:
			m.add(i, n, g.kind, 0.6)
		}
		return
	}
	if !m.cased {
		// "maya welcome back to the show", "maya thanks so much for…"
		if m.sentenceStart(i) || i > 0 && m.lowerIs(i-1, "so") {
			if n, ok := name(i, true); ok && n == 1 && (m.phraseAt(i+1, "welcome") || m.phraseAt(i+1, "thank you") || m.phraseAt(i+1, "thanks")) {
				m.add(i, 1, Vocative, 0.6)
			}
		}
		return
	}
	gap, after := t.gap, m.gapAfter(i)
	switch {
	case gap&gapComma != 0 && !endsSentence(gap) && i > 0:
		// "…, Maya?" "…, Maya." "Thank you, Maya, for…"
		if startsUpper(m.word(i-1)) && !m.sentenceStart(i-1) && !m.lowerIs(i-1, "i") {
			return // "Paris, France": a list of names, not an address
		}
		if i+1 < len(m.toks) && startsUpper(m.word(i+1)) && !m.lowerIs(i+1, "i") && !m.lowerHasPrefix(i+1, "i'") && !endsSentence(after) {
			return // "Paris, Lyon, and…": a list again
		}
		if !m.closes(i) && (after&gapComma == 0 || endsSentence(after)) {
			return // neither case below: no need to ask nameLike
		}
		if !m.nameLike(i, false) {
			return
		}
		for k := max(0, i-3); k < i && after&gapAsk == 0; k++ {
			if lookup(m, k, beforeApposition) {
				return
			}
		}
		switch {
		case m.closes(i):
			w := 0.6
			if after&gapAsk != 0 || lookup(m, i-1, beforeVocative) {
				w = 1
			}
			m.add(i, 1, Vocative, w)
		case after&gapComma != 0 && !endsSentence(after):
			w := 0.4
			if lookup(m, i+1, afterVocative) || lookup(m, i-1, beforeVocative) {
				w = 0.7
			}
			m.add(i, 1, Vocative, w)
		}
	case m.sentenceStart(i):
		// "Maya, do you…", "Maya welcome to the show."
		if i+1 >= len(m.toks) {
			return
		}
		// The patterns first, as most sentence starts match none; then
		// the word.
		comma := after&gapComma != 0 && !endsSentence(after) && lookup(m, i+1, afterVocative)
		if !comma && (after&gapText != 0 || !m.lowerIs(i+1, "welcome") && !m.phraseAt(i+1, "thank you") && !m.lowerIs(i+1, "thanks")) {
			return
		}
		if !m.nameLike(i, true) {
			return
		}
		if comma {
			m.add(i, 1, Vocative, 0.7)
		} else {
			m.add(i, 1, Vocative, 0.8)
		}
	case i > 0 && m.sentenceStart(i-1) && (m.lowerIs(i-1, "so") || m.lowerIs(i-1, "well") || m.lowerIs(i-1, "okay")):
		// "So, Maya, I think…", "So Maya I've been…"
		if !m.nameLike(i, true) || i+1 >= len(m.toks) || endsSentence(after) {
			return
		}
		if m.lowerIs(i+1, "you") || m.lowerIs(i+1, "your") || m.lowerHasPrefix(i+1, "you'") || m.lowerIs(i+1, "i") || m.lowerHasPrefix(i+1, "i'") {
			m.add(i, 1, Vocative, 0.6)
		}
	}
}

// opening reports whether token i comes early in s, after words that open
// a show ("Welcome to another episode of…").
func (m *matcher) opening(i int) bool {
	if m.toks[i].start > 400 {
		return false
	}
	for j := range i {
		if m.lowerIs(j, "welcome") || m.lowerIs(j, "episode") {
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
