// Package segment splits English text into sentences and reports each one
// as a byte span of the original input.
//
// The input is mostly speech-recognition transcripts of interviews (often
// one long line) and ordinary prose. [Split] makes one pass over the bytes,
// allocates nothing beyond growing its result, and never rewrites the
// input: every offset it reports indexes the bytes it was given.
//
// # White space
//
// White space is ASCII space, tab, LF, CR, VT and FF, and the Unicode
// spaces U+0085, U+00A0 (no-break space), U+1680, U+2000–U+200A, U+200B
// (zero width space), U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF
// (byte order mark). It separates sentences and never begins or ends a
// span. Invalid UTF-8 is not white space: each bad byte is ordinary text.
//
// # Where a sentence ends
//
// A sentence ends after a run of terminal punctuation (. ? ! …, the
// full-width ？ ！ 。 ． and the half-width ｡) together with the closing
// quotes and brackets directly after it (" ' ) ] } ” ’ » › 」 』 ）), when
// the text after it looks like the start of a new sentence:
//
//   - After ? or ! (also "?!", "!!", "?!?"), the sentence ends before a
//     capitalised word, a number or an uncased letter, but not before a
//     lower-case word ("Yahoo! in") or other punctuation.
//   - After a full-width terminator the sentence always ends, even with no
//     space after it, as is usual in Chinese and Japanese.
//   - After a single period the sentence ends before a capitalised word, a
//     number or an uncased letter, unless the word before the period is an
//     abbreviation. Titles ("Mr.", "Dr.", "Prof.") and a few words that
//     never end a sentence ("vs.", "e.g.", "i.e.", "cf.") never split.
//     Ambiguous abbreviations ("Jr.", "Inc.", "Co.", "St.", "Jan.", and
//     "No." except as a sentence's first word, "No. I don't"),
//     initials and single letters ("J.", "I."), dotted initialisms ("U.S.",
//     "Ph.D.", "J.P.") and lower-case "a.m."/"p.m." end a sentence only
//     before a word that commonly starts one ("The", "I", "How", "And", …),
//     and never before a number ("p. 55"). So "the U.S. How" splits but "the
//     U.S. Government" does not; "you and I. Did" splits but "Albert I.
//     Jones" does not. Upper-case "A.M."/"P.M." behave like ordinary words.
//   - A period with no space after it ends a sentence only between a
//     lower-case letter or digit and a capitalised word ("world.Today"), and
//     not inside an e-mail address or URL ("Jane.Doe@example.com"), a
//     number ("3.14", "v1.2.3") or an initialism ("U.S.A.").
//   - An ellipsis ("..", "...", "…", ". . .") ends a sentence only before a
//     capitalised word other than "I" ("I'm", "I've", …): "and then... you
//     know" and "the thing is . . . I didn't" do not split, "origins of
//     Deno... And" does. An ellipsis that opens a sentence or follows an
//     opening bracket or quote ("[...]") never ends one. Four dots are an
//     ellipsis plus a period and behave like a period; in "compounds. . . .
//     The" the first period ends the sentence and ". . ." opens the next.
//   - A dash that cuts a speaker off (an em dash, a spaced en dash, "--",
//     or " - ") ends a sentence when white space and a capitalised word
//     follow it: "both— They're" and "both -- They're" split, "a -- b" and
//     the self-repair "I -- I think" do not.
//
// # Lines
//
// A blank line (two line breaks, U+2029, or a form feed) always ends a
// sentence. A single line break is white space like any other: the
// sentence ends there only if the punctuation before it ends a sentence by
// the rules above, or if the next line starts a list item (a bullet, "- ",
// "* ", "1.", "1)", "a."). Lines of captions and PDF text are often broken
// mid-sentence, and a capitalised word at the start of a line is not enough
// to tell a new sentence from a wrapped one, so unpunctuated lines are
// joined ("a sentence\ncut off" is one sentence).
//
// # Transcript marks
//
// A bracketed annotation that holds a letter ("[laughs]", "[Music]",
// "[inaudible 00:27:41]", but not "[...]" or "[1]") after terminal
// punctuation or a dash starts a new sentence, and an annotation that
// opens a sentence is a sentence of its own ("camera. [laughs] You" is
// three). Elsewhere an annotation ends its sentence only before a
// capitalised word ("or [inaudible] Yeah"). After terminal punctuation, an
// ellipsis glued to a word ("It still counts. ...Deno's like") opens a new
// sentence, the way transcripts mark a speaker picking up where they were
// cut off. ">>" after white space, the change-of-speaker mark of YouTube
// captions, always starts a new sentence.
//
// # Lists
//
// A bullet (• ‣ ⁃ ◦ ▪) after white space always starts a new sentence. A
// sentence that opens with a list marker ("1.", "2.)", "3)", "a.") keeps
// the marker's period, and ends before the next marker in sequence ("1.
// The first item 2. The second item" is two sentences).
//
// Text without any punctuation is one long span; finding sentences in it
// is left to the caller.
package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/textdiarize/diarize/turn"
)

// Split appends to dst the sentences of src, in order, and returns it. Each
// span is trimmed of surrounding white space; together the spans cover
// every non-space byte of src.
func Split(src []byte, dst []turn.Span) []turn.Span {
	s := splitter{src: src, dst: dst, start: -1}
	s.run()
	return s.dst
}

// SplitCaseless is [Split] for text written without capitals, such as a
// transcript lowercased by its recognizer: after a period, question mark
// or exclamation mark and white space, a lower-case word starts a
// sentence as a capitalised one does in Split. The other rules hold:
// titles and "e.g." still never end a sentence, ambiguous abbreviations
// end one only before a common sentence starter, and an ellipsis, a dash
// or a period with no space after it ends one only before a capitalised
// word.
func SplitCaseless(src []byte, dst []turn.Span) []turn.Span {
	s := splitter{src: src, dst: dst, start: -1, caseless: true}
	s.run()
	return s.dst
}

// Byte classes of the scanning loop. Only bytes of class clWord are skipped
// without a closer look.
const (
	clWord    = iota // any other byte
	clSpace          // ASCII white space
	clTerm           // . ? !
	clDash           // -
	clAngle          // >
	clBracket        // ]
	clHigh           // a byte of a multi-byte UTF-8 sequence, or invalid
)

// class maps each byte to its class.
var class = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\v\f\r") {
		t[c] = clSpace
	}
	t['.'], t['?'], t['!'] = clTerm, clTerm, clTerm
	t['-'] = clDash
	t['>'] = clAngle
	t[']'] = clBracket
	for c := 0x80; c < 0x100; c++ {
		t[c] = clHigh
	}
	return t
}()

// skipWord and skipWordSpace report the bytes the scanning loop passes
// over: those of class clWord, and with skipWordSpace also the ASCII
// space, which matters only in longer runs of white space or inside a
// list, where the loop uses skipWord.
var skipWord, skipWordSpace = func() (w, ws [256]bool) {
	for c := range w {
		w[c] = class[c] == clWord
		ws[c] = w[c] || c == ' '
	}
	return w, ws
}()

// A splitter holds the state of one call to [Split].
type splitter struct {
	src      []byte
	dst      []turn.Span
	start    int    // offset of the open sentence's first byte, or -1
	list     marker // the list marker that opens the sentence, if any
	caseless bool   // a lower-case word after a terminal counts as capitalised
}

// A marker is a list-item marker such as "1.", "2.)", "3)" or "a.".
type marker struct {
	kind  byte // 0 when there is no marker, 'd' for digits, 'a' for a letter
	style byte // '.', ')' or 'p' for ".)"
	val   int  // the number, or 1 for "a", 2 for "b"…
	end   int  // offset just past the marker
}

// run scans the whole input.
func (s *splitter) run() {
	src := s.src
	n := len(src)
	i := 0
	for i < n {
		if s.start < 0 {
			i, _ = skipSpace(src, i)
			if i >= n {
				break
			}
			s.open(i)
		}
		skip := &skipWordSpace
		if s.list.kind != 0 {
			skip = &skipWord
		}
		for i < n && skip[src[i]] {
			i++
		}
		if i >= n {
			break
		}
		switch class[src[i]] {
		case clSpace:
			i = s.space(i)
		case clTerm:
			i = s.terminal(i)
		case clDash:
			i = s.hyphen(i)
		case clAngle:
			i = s.angle(i)
		case clBracket:
			i = s.bracket(i)
		default:
			i = s.high(i)
		}
	}
	if s.start >= 0 {
		s.emit(trimRight(src, s.start, n))
	}
}

// open starts a sentence at i, which holds a non-space byte.
func (s *splitter) open(i int) {
	s.start = i
	s.list = marker{}
	if c := s.src[i]; c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 0x80 {
		s.list = parseMarker(s.src, i, true)
	}
}

// emit closes the open sentence at end.
func (s *splitter) emit(end int) {
	s.dst = append(s.dst, turn.Span{Start: s.start, End: end})
	s.start = -1
	s.list = marker{}
}

// space handles the run of white space at i, which lies inside an open
// sentence, and returns the offset after it. It ends the sentence at a
// blank line, before a list item on a new line, and before the next marker
// of the sentence's list.
func (s *splitter) space(i int) int {
	src := s.src
	n := len(src)
	ws := i // the scanning loop may have passed over spaces before i
	for ws > s.start && src[ws-1] == ' ' {
		ws--
	}
	i, nl := skipSpace(src, i)
	if i >= n {
		return i
	}
	if nl >= 2 || nl == 1 && startsItem(src, i) || s.list.kind != 0 && s.list.next(src, i) {
		s.emit(ws)
	}
	return i
}

// high handles the non-ASCII or invalid byte at i.
func (s *splitter) high(i int) int {
	src := s.src
	if w, _ := spaceAt(src, i); w > 0 {
		return s.space(i)
	}
	if w, _ := termAt(src, i); w > 0 {
		return s.terminal(i)
	}
	if w := bulletAt(src, i); w > 0 {
		if i > s.start {
			if end := trimRight(src, s.start, i); end < i {
				s.emit(end)
				return i
			}
		}
		return i + w
	}
	if i+2 < len(src) && src[i] == 0xE2 && src[i+1] == 0x80 && (src[i+2] == 0x93 || src[i+2] == 0x94) {
		return s.dash(i)
	}
	return i + 1
}

// Kinds of terminal punctuation reported by termAt.
const (
	tPeriod   = iota + 1 // .
	tStrong              // ? !
	tEllipsis            // …
	tFull                // ？ ！ 。 ． ｡
)

// termAt reports the width and kind of the terminal punctuation at i, or 0.
func termAt(src []byte, i int) (w, kind int) {
	switch c := src[i]; c {
	case '.':
		return 1, tPeriod
	case '?', '!':
		return 1, tStrong
	case 0xE2: // … U+2026
		if i+2 < len(src) && src[i+1] == 0x80 && src[i+2] == 0xA6 {
			return 3, tEllipsis
		}
	case 0xE3: // 。 U+3002
		if i+2 < len(src) && src[i+1] == 0x80 && src[i+2] == 0x82 {
			return 3, tFull
		}
	case 0xEF: // ！ U+FF01, ． U+FF0E, ？ U+FF1F, ｡ U+FF61
		if i+2 < len(src) {
			if src[i+1] == 0xBC && (src[i+2] == 0x81 || src[i+2] == 0x8E || src[i+2] == 0x9F) ||
				src[i+1] == 0xBD && src[i+2] == 0xA1 {
				return 3, tFull
			}
		}
	}
	return 0, 0
}

// closerAt reports the width of the closing quote or bracket at i, or 0.
func closerAt(src []byte, i int) int {
	switch src[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0xC2: // » U+00BB
		if i+1 < len(src) && src[i+1] == 0xBB {
			return 2
		}
	case 0xE2: // ’ U+2019, ” U+201D, › U+203A
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0x99 || src[i+2] == 0x9D || src[i+2] == 0xBA) {
			return 3
		}
	case 0xE3: // 」 U+300D, 』 U+300F
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0x8D || src[i+2] == 0x8F) {
			return 3
		}
	case 0xEF: // ） U+FF09
		if i+2 < len(src) && src[i+1] == 0xBC && src[i+2] == 0x89 {
			return 3
		}
	}
	return 0
}

// openerAt reports the width of the opening quote or bracket at i, or 0.
func openerAt(src []byte, i int) int {
	switch src[i] {
	case '"', '\'', '(', '[', '{', '`':
		return 1
	case 0xC2: // ¡ U+00A1, « U+00AB, ¿ U+00BF
		if i+1 < len(src) && (src[i+1] == 0xA1 || src[i+1] == 0xAB || src[i+1] == 0xBF) {
			return 2
		}
	case 0xE2: // ‘ U+2018, “ U+201C, ‹ U+2039
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0x98 || src[i+2] == 0x9C || src[i+2] == 0xB9) {
			return 3
		}
	case 0xE3: // 「 U+300C, 『 U+300E
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0x8C || src[i+2] == 0x8E) {
			return 3
		}
	case 0xEF: // （ U+FF08
		if i+2 < len(src) && src[i+1] == 0xBC && src[i+2] == 0x88 {
			return 3
		}
	}
	return 0
}

// bulletAt reports the width of the bullet at i (• ‣ ⁃ ◦ ▪), or 0.
func bulletAt(src []byte, i int) int {
	if i+2 >= len(src) || src[i] != 0xE2 {
		return 0
	}
	switch {
	case src[i+1] == 0x80 && (src[i+2] == 0xA2 || src[i+2] == 0xA3), // • ‣
		src[i+1] == 0x81 && src[i+2] == 0x83, // ⁃
		src[i+1] == 0x97 && src[i+2] == 0xA6, // ◦
		src[i+1] == 0x96 && src[i+2] == 0xAA: // ▪
		return 3
	}
	return 0
}

// terminal handles the terminal punctuation at i and returns the offset at
// which to continue.
func (s *splitter) terminal(i int) int {
	src := s.src
	n := len(src)
	p := i
	dots := 0
	strong, full, spaced := false, false, false
run:
	for p < n {
		switch c := src[p]; c {
		case '.':
			dots++
			p++
			continue
		case '?', '!':
			strong = true
			p++
			continue
		case '"', '\'', ')', ']', '}':
			p++
			continue
		case ' ':
			// ". . ." but not ". .NET" or ". ...Deno"
			if dots > 0 && p+1 < n && src[p+1] == '.' && (p+2 == n || !isAlnum(src[p+2]) && src[p+2] != '.') {
				spaced = true
				p++
				continue
			}
			break run
		default:
			if c < 0x80 {
				break run
			}
		}
		if w, kind := termAt(src, p); w > 0 {
			switch kind {
			case tPeriod:
				dots++
			case tStrong:
				strong = true
			case tEllipsis:
				dots += 3
			case tFull:
				full = true
			}
			p += w
			continue
		}
		if w := closerAt(src, p); w > 0 {
			p += w
			continue
		}
		break run
	}
	j := p
	if j >= n || i == s.start || s.list.kind != 0 && i < s.list.end {
		return j
	}
	k, nl := j+1, 0
	if src[j] != ' ' || k >= n || class[src[k]] != clWord {
		k, nl = skipSpace(src, j)
	}
	if k >= n || nl >= 2 {
		return j // the end of the text or a blank line ends the sentence anyway
	}
	gap := k > j
	end := j
	var split bool
	switch {
	case full:
		split = true
	case gap && (annotationAt(src, k) > 0 || ellipsisWord(src, k)):
		split = true // "camera. [laughs]", "counts. ...Deno's"
	case strong:
		if gap {
			kind, _ := nextKind(src, k)
			split = kind == nkUpper || kind == nkNumber || kind == nkLetter || s.caseless && kind == nkLower
		} else {
			split = capWord(src, k)
		}
	case dots == 1 || dots >= 4:
		split = s.afterPeriod(i, k, gap, dots)
		if split && dots >= 4 && spaced && src[i+1] == ' ' && !isSpaceByteBefore(src, i) {
			end = i + 1 // "compounds. . . . The": ". . ." opens the next sentence
		}
	default: // an ellipsis
		if isOpenerBefore(src, i) || !gap && !capWord(src, k) {
			break
		}
		kind, w := nextKind(src, k)
		split = kind == nkUpper && !iForm(src, w)
	}
	if split {
		s.emit(end)
		return end
	}
	return j
}

// afterPeriod reports whether the period at i ends a sentence when the
// next non-space byte is at k; gap reports white space between them.
func (s *splitter) afterPeriod(i, k int, gap bool, dots int) bool {
	src := s.src
	if !gap {
		// "world.Today", but not "3.14", "Node.js", "U.S.A" or "x@y.Com".
		if dots != 1 || !capWord(src, k) {
			return false
		}
		if b := src[i-1]; !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9') || urlish(src, i) {
			return false
		}
	}
	kind, w := nextKind(src, k)
	if s.caseless && kind == nkLower && gap {
		kind = nkUpper
	}
	switch kind {
	case nkLetter:
		return true
	case nkNumber:
		return s.wordBefore(i) == wOrdinary
	case nkUpper:
		switch s.wordBefore(i) {
		case wOrdinary:
			return true
		case wWeak:
			return starter(src, w)
		}
	}
	return false
}

// Classes of the word before a period, reported by wordBefore.
const (
	wOrdinary = iota // ends a sentence before any capitalised word
	wWeak            // ends one only before a common sentence starter
	wNever           // never ends a sentence (titles, "e.g.", "vs.")
)

// maxAbbrev is the length of the longest word wordBefore looks up.
const maxAbbrev = 8

// wordBefore classifies the word that ends just before the period at i.
func (s *splitter) wordBefore(i int) int {
	src := s.src
	// "N°." as in "N°. 1026"
	if i-3 >= s.start && src[i-2] == 0xC2 && src[i-1] == 0xB0 && (src[i-3] == 'N' || src[i-3] == 'n') {
		return wWeak
	}
	lo := i
	for lo > s.start && i-lo <= 16 && (isAlnum(src[lo-1]) || src[lo-1] == '.') {
		lo--
	}
	if lo == i || i-lo > 16 {
		return wOrdinary
	}
	if lo > s.start && !isSpaceByteBefore(src, lo) && !isOpenerBefore(src, lo) && src[lo-1] != '-' {
		return wOrdinary // part of a longer token: "AT&T.", "10:30.", "x@y.com."
	}
	w := src[lo:i]
	dot := false
	for _, c := range w {
		if c == '.' {
			dot = true
			break
		}
	}
	if dot {
		return initialism(w)
	}
	if len(w) == 1 {
		if isLetter(w[0]) {
			return wWeak // an initial, the pronoun "I", or "p." in "p. 55"
		}
		return wOrdinary
	}
	if len(w) > maxAbbrev {
		return wOrdinary
	}
	var buf [maxAbbrev]byte
	for k, c := range w {
		buf[k] = lower(c)
	}
	switch string(buf[:len(w)]) {
	case "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "rev", "fr",
		"gen", "sen", "rep", "gov", "pres", "capt", "cmdr", "col", "lt", "sgt",
		"maj", "adm", "hon", "supt", "insp", "vs", "cf", "viz":
		return wNever
	case "no", "nos":
		if lo == s.start {
			return wOrdinary // "No. I don't think so."
		}
		return wWeak
	case "jr", "sr", "inc", "ltd", "co", "corp", "bros", "llc", "llp", "plc",
		"esq", "st", "mt", "ft", "ave", "blvd", "rd", "hwy", "nr", "vol", "vols",
		"fig", "figs", "pp", "ch", "chap", "sec", "sect", "para", "pt", "ed",
		"eds", "approx", "dept", "est", "al", "ref", "refs", "tel", "ext",
		"jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
		"dec", "govt", "univ", "intl", "assn", "misc", "min", "mins", "hr", "hrs":
		return wWeak
	}
	return wOrdinary
}

// initialism classifies a word with inner periods, such as "U.S", "e.g",
// "Ph.D", "a.m", "v1.2" or "example.com".
func initialism(w []byte) int {
	seg := 0
	for _, c := range w {
		switch {
		case c == '.':
			if seg == 0 {
				return wOrdinary
			}
			seg = 0
		case isLetter(c):
			seg++
			if seg > 2 {
				return wOrdinary
			}
		default:
			return wOrdinary
		}
	}
	if seg == 0 {
		return wOrdinary
	}
	if len(w) == 3 {
		switch string(w) {
		case "e.g", "i.e", "E.g", "I.e":
			return wNever
		case "A.M", "P.M":
			return wOrdinary
		}
	}
	return wWeak
}

// Kinds of the text after a candidate boundary, reported by nextKind.
const (
	nkOther  = iota // punctuation, symbols
	nkUpper         // an upper-case letter
	nkLower         // a lower-case letter
	nkLetter        // an uncased letter (CJK, Arabic…)
	nkNumber        // a digit or a currency sign
)

// nextKind classifies the text at k, skipping opening quotes and brackets,
// and returns the offset of the word after them.
func nextKind(src []byte, k int) (kind, w int) {
	n := len(src)
	for d := 0; d < 4 && k < n; d++ {
		o := openerAt(src, k)
		if o == 0 {
			break
		}
		k += o
	}
	if k >= n {
		return nkOther, k
	}
	c := src[k]
	switch {
	case c >= 'A' && c <= 'Z':
		return nkUpper, k
	case c >= 'a' && c <= 'z':
		return nkLower, k
	case c >= '0' && c <= '9', c == '$', c == '#':
		return nkNumber, k
	case c < 0x80:
		return nkOther, k
	}
	r, _ := utf8.DecodeRune(src[k:])
	switch {
	case unicode.IsUpper(r), unicode.IsTitle(r):
		return nkUpper, k
	case unicode.IsLower(r):
		return nkLower, k
	case unicode.IsLetter(r):
		return nkLetter, k
	case unicode.IsDigit(r), unicode.Is(unicode.Sc, r):
		return nkNumber, k
	}
	return nkOther, k
}

// isUpperAt reports whether an upper-case letter starts at k.
func isUpperAt(src []byte, k int) bool {
	if c := src[k]; c < 0x80 {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRune(src[k:])
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// capWord reports whether a capitalised word starts at k: an upper-case
// letter followed by a lower-case one, as in "Today" but not "NET" or "S.A".
func capWord(src []byte, k int) bool {
	if !isUpperAt(src, k) {
		return false
	}
	_, w := utf8.DecodeRune(src[k:])
	if k+w >= len(src) {
		return false
	}
	if c := src[k+w]; c < 0x80 {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRune(src[k+w:])
	return unicode.IsLower(r)
}

// iForm reports whether the pronoun "I" ("I", "I'm", "I’ve"…) starts at k.
func iForm(src []byte, k int) bool {
	if src[k] != 'I' {
		return false
	}
	if k+1 >= len(src) {
		return true
	}
	c := src[k+1]
	return c < 0x80 && !isAlnum(c) || c == 0xE2 && k+3 < len(src) && src[k+2] == 0x80 && src[k+3] == 0x99
}

// maxStarter is the length of the longest sentence starter.
const maxStarter = 12

// starter reports whether the word at k is one that commonly starts a
// sentence and is rarely a name: a pronoun, article, conjunction,
// question word, auxiliary or interjection.
func starter(src []byte, k int) bool {
	var buf [maxStarter]byte
	m := 0
word:
	for k < len(src) {
		c := src[k]
		switch {
		case isLetter(c):
			c = lower(c)
			k++
		case c == '\'':
			k++
		case c == 0xE2 && k+2 < len(src) && src[k+1] == 0x80 && src[k+2] == 0x99: // ’
			c = '\''
			k += 3
		default:
			break word
		}
		if m == maxStarter {
			return false
		}
		buf[m] = c
		m++
	}
	switch string(buf[:m]) {
	case "a", "an", "the", "and", "but", "so", "or", "nor", "yet", "then",
		"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd", "we'll",
		"you", "you're", "you've", "you'd", "you'll", "he", "he's", "she", "she's",
		"it", "it's", "they", "they're", "they've", "this", "that", "that's",
		"these", "those", "there", "there's", "here", "here's", "what", "what's",
		"why", "how", "when", "where", "who", "which", "whose", "yes", "yeah",
		"yep", "no", "nope", "not", "well", "ok", "okay", "oh", "now", "like",
		"because", "if", "in", "on", "at", "for", "as", "to", "from", "by", "of",
		"with", "after", "before", "since", "while", "although", "though",
		"however", "still", "even", "every", "each", "many", "most", "much",
		"more", "some", "all", "both", "either", "neither", "one", "my", "our",
		"your", "his", "her", "their", "its", "do", "does", "did", "don't",
		"doesn't", "didn't", "is", "isn't", "are", "aren't", "was", "wasn't",
		"were", "can", "can't", "could", "would", "should", "will", "won't",
		"let", "let's", "right", "sure", "thanks", "thank", "also", "just",
		"maybe", "actually", "anyway", "um", "uh", "hmm", "exactly",
		"absolutely", "totally", "never", "always", "please", "look", "listen",
		"hey", "hi", "hello", "great", "good", "interesting", "wow", "cool",
		"again", "first", "second", "finally", "meanwhile", "today", "anyhow":
		return true
	}
	return false
}

// urlish reports whether the period at i lies inside an e-mail address or
// a URL: a token holding '@', '/' or ':' within a few bytes of it.
func urlish(src []byte, i int) bool {
	for p := i - 1; p >= 0 && i-p <= 64; p-- {
		c := src[p]
		if c == '@' || c == '/' || c == ':' {
			return true
		}
		if class[c] == clSpace {
			break
		}
	}
	for p := i + 1; p < len(src) && p-i <= 64; p++ {
		c := src[p]
		if c == '@' || c == '/' {
			return true
		}
		if class[c] == clSpace {
			break
		}
	}
	return false
}

// hyphen handles the hyphen at i. A run of two or more ("--"), or one with
// space on both sides (" - "), is a dash; a single hyphen joins words.
func (s *splitter) hyphen(i int) int {
	src := s.src
	p := i
	for p < len(src) && src[p] == '-' {
		p++
	}
	if p-i == 1 && !(i > 0 && class[src[i-1]] == clSpace && p < len(src) && class[src[p]] == clSpace) {
		return p
	}
	return s.dashEnd(i, p)
}

// angle handles the '>' at i. A run of two or more after white space
// (">>", which marks a change of speaker in YouTube captions) starts a new
// sentence.
func (s *splitter) angle(i int) int {
	src := s.src
	p := i
	for p < len(src) && src[p] == '>' {
		p++
	}
	if p-i >= 2 && i > s.start {
		if end := trimRight(src, s.start, i); end < i {
			s.emit(end)
			return i
		}
	}
	return p
}

// maxAnnotation is the length of the longest bracketed annotation.
const maxAnnotation = 64

// annotationAt returns the offset after the bracketed annotation at k, such
// as "[laughs]", "[Music]" or "[unintelligible 00:27:41.17]", or 0 if there
// is none. An annotation holds a letter, so "[...]" and "[1]" are not
// annotations.
func annotationAt(src []byte, k int) int {
	if src[k] != '[' {
		return 0
	}
	letter := false
	for p := k + 1; p < len(src) && p-k < maxAnnotation; p++ {
		switch c := src[p]; {
		case c == ']':
			if letter {
				return p + 1
			}
			return 0
		case c == '[' || c == '\n':
			return 0
		case isLetter(c):
			letter = true
		}
	}
	return 0
}

// bracket handles the ']' at i. A bracketed annotation ends its sentence
// when it opens the sentence or when white space and a capitalised word
// follow it: "[laughs] Okay", "or [inaudible] Yeah".
func (s *splitter) bracket(i int) int {
	src := s.src
	lo := i - 1
	for lo > s.start && i-lo < maxAnnotation && src[lo] != '[' && src[lo] != ']' {
		lo--
	}
	if lo < s.start || src[lo] != '[' || annotationAt(src, lo) != i+1 {
		return i + 1
	}
	k, nl := skipSpace(src, i+1)
	if k == i+1 || k >= len(src) || nl >= 2 {
		return i + 1
	}
	if kind, _ := nextKind(src, k); lo == s.start || kind == nkUpper {
		s.emit(i + 1)
	}
	return i + 1
}

// ellipsisWord reports whether an ellipsis glued to a word starts at k, as
// in "...until recently", the way transcripts mark a speaker picking up an
// interrupted sentence.
func ellipsisWord(src []byte, k int) bool {
	p := k
	for p < len(src) && src[p] == '.' {
		p++
	}
	if p-k < 2 {
		if p+3 > len(src) || src[p] != 0xE2 || src[p+1] != 0x80 || src[p+2] != 0xA6 {
			return false
		}
		p += 3
	}
	return p < len(src) && isLetter(src[p])
}

// dash handles the em or en dash at i.
func (s *splitter) dash(i int) int {
	src := s.src
	p := i
	for p+2 < len(src) && src[p] == 0xE2 && src[p+1] == 0x80 && (src[p+2] == 0x93 || src[p+2] == 0x94) {
		p += 3
	}
	return s.dashEnd(i, p)
}

// dashEnd ends the sentence after the dash run [i, p) when white space and
// a capitalised word follow it, unless that word repeats the word before
// the dash (a self-repair such as "I -- I think").
func (s *splitter) dashEnd(i, p int) int {
	src := s.src
	if i == s.start {
		return p
	}
	k, nl := skipSpace(src, p)
	if k == p || k >= len(src) || nl >= 2 {
		return p
	}
	if annotationAt(src, k) > 0 {
		s.emit(p) // "your code is -- [laughs]"
		return p
	}
	if !isUpperAt(src, k) {
		return p
	}
	// Compare the words on either side of the dash.
	e := trimRight(src, s.start, i)
	b := e
	for b > s.start && (isLetter(src[b-1]) || src[b-1] == '\'') {
		b--
	}
	q := k
	for q < len(src) && (isLetter(src[q]) || src[q] == '\'') {
		q++
	}
	if b < e && equalFold(src[b:e], src[k:q]) {
		return p
	}
	s.emit(p)
	return p
}

// parseMarker parses a list-item marker at i: digits (at most three) or one
// lower-case letter, then ".", ".)" or ")", then white space. With
// bullet, a leading bullet and spaces are skipped first. It returns the zero
// marker if there is none.
func parseMarker(src []byte, i int, bullet bool) marker {
	n := len(src)
	p := i
	if bullet {
		if w := bulletAt(src, p); w > 0 {
			p += w
			for p < n && (src[p] == ' ' || src[p] == '\t') {
				p++
			}
		}
	}
	if p >= n {
		return marker{}
	}
	var m marker
	switch c := src[p]; {
	case c >= '0' && c <= '9':
		m.kind = 'd'
		for q := p; p < n && p-q < 3 && src[p] >= '0' && src[p] <= '9'; p++ {
			m.val = m.val*10 + int(src[p]-'0')
		}
		if p < n && src[p] >= '0' && src[p] <= '9' {
			return marker{}
		}
	case c >= 'a' && c <= 'z':
		m.kind = 'a'
		m.val = int(c-'a') + 1
		p++
	default:
		return marker{}
	}
	switch {
	case p+1 < n && src[p] == '.' && src[p+1] == ')':
		m.style = 'p'
		p += 2
	case p < n && (src[p] == '.' || src[p] == ')'):
		m.style = src[p]
		p++
	default:
		return marker{}
	}
	if p >= n || src[p] != ' ' && src[p] != '\t' {
		return marker{}
	}
	m.end = p
	return m
}

// next reports whether the marker that follows m in sequence starts at i.
func (m marker) next(src []byte, i int) bool {
	o := parseMarker(src, i, false)
	return o.kind == m.kind && o.style == m.style && o.val == m.val+1
}

// startsItem reports whether a list item starts at i: a bullet, a "-", "*"
// or "+" followed by a space, or a marker such as "1." or "a)".
func startsItem(src []byte, i int) bool {
	switch src[i] {
	case '-', '*', '+':
		return i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t')
	}
	return bulletAt(src, i) > 0 || parseMarker(src, i, false).kind != 0
}

// spaceAt reports the width of the white space rune at i, or 0, and the
// number of line breaks it counts for (CR LF counts once, a paragraph
// separator or form feed twice).
func spaceAt(src []byte, i int) (w, lines int) {
	switch c := src[i]; c {
	case ' ', '\t':
		return 1, 0
	case '\n', '\v':
		return 1, 1
	case '\f':
		return 1, 2
	case '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 1, 0
		}
		return 1, 1
	case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
		r, w := utf8.DecodeRune(src[i:])
		if !isSpaceRune(r) {
			return 0, 0
		}
		switch r {
		case 0x85, 0x2028:
			return w, 1
		case 0x2029:
			return w, 2
		}
		return w, 0
	}
	return 0, 0
}

// isSpaceRune reports whether r is white space for this package.
func isSpaceRune(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680,
		0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200B
}

// skipSpace returns the offset of the first non-space byte at or after i,
// and the number of line breaks skipped.
func skipSpace(src []byte, i int) (int, int) {
	nl := 0
	for i < len(src) {
		w, lines := spaceAt(src, i)
		if w == 0 {
			break
		}
		nl += lines
		i += w
	}
	return i, nl
}

// trimRight returns hi moved back over white space, but not below lo.
func trimRight(src []byte, lo, hi int) int {
	for hi > lo {
		c := src[hi-1]
		if c < 0x80 {
			if class[c] != clSpace {
				break
			}
			hi--
			continue
		}
		r, w := utf8.DecodeLastRune(src[lo:hi])
		if !isSpaceRune(r) {
			break
		}
		hi -= w
	}
	return hi
}

// isSpaceByteBefore reports whether white space (or the start of src)
// comes just before i.
func isSpaceByteBefore(src []byte, i int) bool {
	if i == 0 {
		return true
	}
	if c := src[i-1]; c < 0x80 {
		return class[c] == clSpace
	}
	r, _ := utf8.DecodeLastRune(src[:i])
	return isSpaceRune(r)
}

// isOpenerBefore reports whether an opening quote or bracket comes just
// before i.
func isOpenerBefore(src []byte, i int) bool {
	for w := 1; w <= 3 && w <= i; w++ {
		if openerAt(src, i-w) == w {
			return true
		}
	}
	return false
}

// isAlnum reports whether c is an ASCII letter or digit.
func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// lower returns the lower case of the ASCII letter c, and c otherwise.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFold reports whether a and b are equal under ASCII case folding.
func equalFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if lower(a[k]) != lower(b[k]) {
			return false
		}
	}
	return true
}
