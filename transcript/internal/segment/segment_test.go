package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/turn"
)

// splitTests lists inputs with a '|' at each expected sentence boundary, in
// the manner of encoding/csv's position markers: the markers are stripped
// before splitting, and the expected spans are the pieces between them,
// trimmed of white space. No input holds a literal '|'.
var splitTests = []struct {
	name   string
	in     string
	reason string
}{
	// Basics.
	{"Empty", "", "no text, no sentences"},
	{"OnlySpace", " \t\r\n\u00a0\u3000\ufeff ", "white space alone yields nothing"},
	{"Simple", "Hello World.| My name is Jonas.", "a period before a capitalised word ends a sentence"},
	{"Question", "What is your name?| My name is Jonas.", "a question mark ends a sentence"},
	{"Exclamation", "There it is!| I found it.", "an exclamation mark ends a sentence"},
	{"Unpunctuated", "so i went there and then we talked about it for a while you know", "text without punctuation is one span"},
	{"TrailingSpace", "  Hello there.|  How are you?  \n", "spans are trimmed of leading and trailing white space"},
	{"NoFinalPunct", "I agree.| And then we left", "the rest of the text is the last sentence"},
	{"LowercaseAfterPeriod", "It was the end. and then it wasn't.", "a lower-case word after a period continues the sentence"},

	// Abbreviations and titles.
	{"Mr", "Mr. Smith went to Washington.| He liked it.", "titles never end a sentence"},
	{"Mrs", "I met Mrs. Robinson and Dr. Watson there.", "titles never end a sentence"},
	{"Prof", "Prof. Hinton disagreed.| Dr. LeCun agreed.", "titles never end a sentence"},
	{"SaintAndStreet", "St. Michael's Church is on 5th st. near the light.", "St. before a name and st. before a lower-case word continue"},
	{"StreetEnd", "She lives on Main St.| The store is nearby.", "St. ends a sentence before a common sentence starter"},
	{"Vs", "It was Google vs. OpenAI in the end.", "vs. never ends a sentence"},
	{"Etc", "We bought apples, pears, etc.| Then we went home.", "etc. ends a sentence before a capitalised word"},
	{"EtcLower", "We bought apples, pears, etc. and then we left.", "etc. before a lower-case word continues"},
	{"Eg", "Some models, e.g. the thing we built, are small.", "e.g. before a lower-case word continues"},
	{"EgCapital", "Big labs, e.g. Google and Meta, train them.", "e.g. never ends a sentence, even before a name"},
	{"Ie", "The small one, i.e. the fast one, won.", "i.e. never ends a sentence"},
	{"USName", "I work for the U.S. Government in Virginia.", "an initialism before a name continues"},
	{"USEnd", "I live in the U.S.| How about you?", "an initialism before a sentence starter ends the sentence"},
	{"USLower", "I have lived in the U.S. for 20 years.", "an initialism before a lower-case word continues"},
	{"UK", "We moved to the U.K.| It rained a lot.", "U.K. before a sentence starter ends the sentence"},
	{"PhD", "She has a Ph.D. in biophysics.| I have a Ph.D.| It took years.", "Ph.D. is an initialism"},
	{"AmPm", "At 5 a.m. Mr. Smith went to the bank.| He left the bank at 6 P.M.| Mr. Smith then went to the store.", "lower-case a.m. before a name continues; upper-case P.M. behaves like a word"},
	{"AmStarter", "We start at 10 a.m.| The doors open at nine.", "a.m. before a sentence starter ends the sentence"},
	{"Inc", "I worked at Apple Inc. for years.| Apple Inc.| The company is big.", "Inc. ends a sentence only before a sentence starter"},
	{"IncName", "Apple Inc. CEO Tim Cook spoke.", "Inc. before a capitalised non-starter continues"},
	{"Jr", "That is JFK Jr.'s book.", "a possessive after an abbreviation continues"},
	{"CoEnd", "Let's ask Jane and co.| They should know.", "co. before a sentence starter ends the sentence"},
	{"No", "No.| I don't think so.", "a sentence-initial No. is the interjection"},
	{"NoNumber", "Look at item No. 5 on the list.", "No. before a number is an abbreviation"},
	{"Page", "Please turn to p. 55.", "a single letter before a number continues"},

	// Initials.
	{"InitialMiddle", "My name is Jonas E. Smith.", "a middle initial continues"},
	{"InitialsJP", "He worked at J.P. Morgan for a decade.", "dotted initials before a name continue"},
	{"InitialsTolkien", "I love J. R. R. Tolkien.| His books are long.", "spaced initials continue"},
	{"PronounI", "We make a good team, you and I.| Did you see Albert I. Jones yesterday?", "I. ends a sentence before a sentence starter but not before a name"},

	// Numbers.
	{"Dollars", "She has $500.| It is in her bag.", "a number can end a sentence"},
	{"Decimal", "She has $100.00 in her bag.", "a decimal point is not a boundary"},
	{"Pi", "Pi is about 3.14 and e is 2.718.| Both are irrational.", "decimals do not split"},
	{"Thousands", "It cost 1,000.50 dollars.", "a decimal point after thousands is not a boundary"},
	{"ThousandsEnd", "He bought 1,000.| That is a lot.", "a number before a capitalised word ends a sentence"},
	{"GPT", "We trained GPT-2.| Then we trained GPT-3.", "a hyphenated model name ends a sentence"},
	{"Version", "Upgrade to v1.2.3 now.| Version 2.0 is out.", "version numbers do not split"},
	{"Time", "We met at 10:30.| It was early.", "a time ends a sentence"},
	{"NumberNext", "That happened in 2019.| 2020 was worse.", "a number after a period starts a sentence"},

	// Ellipses.
	{"EllipsisLower", "And then... you know, it happened.", "an ellipsis before a lower-case word continues"},
	{"EllipsisUpper", "I was looking at the origins of Deno...| And I was looking at Node.", "an ellipsis before a capitalised word ends a sentence"},
	{"EllipsisI", "The thing is . . . I didn't mean it.", "an ellipsis before I continues"},
	{"EllipsisChar", "I wondered…| Did you ever think this would happen?", "the ellipsis character counts as an ellipsis"},
	{"EllipsisCharLower", "and then… you know, yeah.", "the ellipsis character before a lower-case word continues"},
	{"EllipsisGlued", "what I mean...see, it works.", "an ellipsis between words continues"},
	{"EllipsisBracket", "\"Bohr [...] used the analogy [...]\" (Smith 55).", "an elision in brackets never ends a sentence"},
	{"FourDots", "I never meant that....| She left the store.", "four dots are an ellipsis and a period"},
	{"FourDotsSpaced", "It was compounds.| . . . The practice was not abandoned. . . .", "a period then a spaced ellipsis: the ellipsis opens the next sentence"},
	{"EllipsisStart", "... And so it goes.", "an ellipsis that opens the text does not end a sentence"},

	// Quotes and brackets.
	{"QuoteAfter", "He said \"stop.\"| Then he left.", "a closing quote after the terminator stays with the sentence"},
	{"QuoteInside", "She turned to him, \"This is great.\" she said.", "a quoted sentence before a lower-case word continues"},
	{"SingleQuoteInside", "She turned to him, 'This is great.' she said.", "single quotes work like double quotes"},
	{"CurlyQuote", "He said “stop.”| Then he left.", "curly closing quotes stay with the sentence"},
	{"Paren", "He teaches science (He previously worked for 5 years as an engineer.) at the local University.", "a parenthesis before a lower-case word continues"},
	{"ParenEnd", "He left (finally.)| Then she came.", "a closing bracket stays with the sentence"},
	{"OpeningQuoteNext", "He left.| \"Where?\" she asked.", "an opening quote before a capitalised word starts a sentence; the quoted question goes on"},

	// ? and ! runs, full width.
	{"DoubleExcl", "Hello!!| Long time no see.", "a run of ! is one terminator"},
	{"Interrobang", "Hello?!| Is that you?!?| Yes.", "mixed runs of ? and ! are one terminator"},
	{"Yahoo", "She works at Yahoo! in the accounting department.", "! before a lower-case word continues"},
	{"QuestionNumber", "How many?| 42.", "? before a number ends a sentence"},
	{"FullWidth", "你好。|我是学生！|真的吗？|是的。", "full-width terminators end a sentence without a following space"},
	{"FullWidthQuote", "「你好。」|他说。", "a full-width closing bracket stays with the sentence"},
	{"FullWidthLatin", "Really？| Yes！", "full-width ? and ! after Latin text end a sentence"},

	// Dashes.
	{"EmDash", "Our reasons are both—| They're not what you think.", "an em dash before white space and a capitalised word ends a sentence"},
	{"EmDashSpace", "Our reasons are both —| They're not what you think.", "a spaced em dash ends a sentence too"},
	{"DoubleHyphen", "Our reasons are both --| They're not what you think.", "a double hyphen works like an em dash"},
	{"SpacedHyphen", "Our reasons are both -| They're not.", "a spaced hyphen works like a dash"},
	{"DashLower", "It was a -- b and c -- d.", "a dash before a lower-case word continues"},
	{"DashRepair", "I -- I think it's fine.", "a dash before a repeated word is a self-repair"},
	{"DashGlued", "The man—Tom—was there.", "an unspaced dash is parenthetical"},
	{"Hyphen", "A self-interpreting compound.", "a hyphen joins words"},
	{"EnDashRange", "From 1990–2000 it grew.", "an unspaced en dash is a range"},

	// Lines.
	{"CRLF", "First line.\r\n|Second line.\r\n", "CR LF is white space"},
	{"BlankLine", "A heading\n\n|Then the text", "a blank line always ends a sentence"},
	{"BlankLineCRLF", "A heading\r\n\r\n|Then the text", "a blank CR LF line always ends a sentence"},
	{"BlankLineSpaces", "A heading\n  \t\n|Then the text", "a line of spaces is a blank line"},
	{"CROnly", "A heading\r\r|Then the text", "lone CRs are line breaks"},
	{"ParagraphSeparator", "A heading\u2029|Then the text", "U+2029 is a paragraph break"},
	{"FormFeed", "A heading\f|Then the text", "a form feed is a page break"},
	{"WrappedLine", "This is a sentence\ncut off in the middle because pdf.", "a single line break before a lower-case word continues"},
	{"WrappedLineUpper", "I talked to\nJohn about it.", "a single line break without punctuation continues, even before a capital"},
	{"LineAfterPeriod", "First sentence.\n|Second sentence.", "a line ending in a terminator ends the sentence by the usual rules"},
	{"LineBullet", "Things to do\n|- buy milk\n|- call mom", "a line starting with '- ' is a list item"},
	{"LineNumbered", "Steps\n|1. Open it\n|2. Close it", "a line starting with a number marker is a list item"},

	// Lists.
	{"ListDot", "1. The first item| 2. The second item", "the next marker in sequence starts a new item"},
	{"ListDotPeriod", "1. The first item.| 2. The second item.", "a marker's period never ends a sentence"},
	{"ListParen", "1) The first item| 2) The second item", "markers with a parenthesis"},
	{"ListDotParen", "1.) The first item| 2.) The second item", "markers with a period and a parenthesis"},
	{"ListLetters", "a. The first item| b. The second item| c. The third list item", "letter markers"},
	{"ListBullet", "• 9. The first item| • 10. The second item", "a bullet after white space starts a new item"},
	{"ListHyphenBullet", "⁃9. The first item| ⁃10. The second item", "the hyphen bullet starts a new item"},
	{"ListOutOfOrder", "1) The first item 3) The third item", "only the next marker in sequence starts an item"},

	// URLs and e-mail.
	{"Email", "Her email is Jane.Doe@example.com.| I sent her an email.", "no split inside an e-mail address"},
	{"URL", "The site is: https://www.example.50.com/new-site/awesome_content.html.| Please check it out.", "no split inside a URL"},
	{"Domain", "Go to example.com for more.", "a bare domain does not split"},
	{"NodeJS", "I wrote Node.js in C++.| It took a while.", "a dotted name does not split"},
	{"GluedSentences", "Hello world.|Today is Tuesday.|Mr. Smith went to the store and bought 1,000.|That is a lot.", "a period glued to a capitalised word ends a sentence"},
	{"GluedEmailUpper", "Write to Jane.Doe@Example.com now.", "a capitalised word inside an e-mail address does not split"},
	{"GluedUS", "The U.S.Army base.", "an initialism glued to a word does not split"},

	// Unicode white space.
	{"NBSP", "Hello world.\u00a0|Next one.", "a no-break space separates sentences"},
	{"IdeographicSpace", "Hello world.\u3000|Next one.", "an ideographic space separates sentences"},
	{"BOM", "\ufeffHello world.\u200b|Next one.\u2003", "BOM and zero-width space are white space"},
	{"UnicodeUpper", "He left.| Émile stayed.", "a non-ASCII capital starts a sentence"},
	{"UnicodeLower", "He left. élan remained.", "a non-ASCII lower-case letter continues"},

	// Transcript style.
	{"Transcript", "Andrew, welcome back to the show.| Hey, thanks for having me.| So, you know, what did you do before founding Anthropic?| Yeah.| So, I was actually originally a biologist.", "an interview on one line"},
	{"SpeakerMark", ">> Thanks for coming.| >> Happy to be here.| >> so what do you think| >> well I think it works", "\">>\" after white space starts a sentence, even without punctuation"},
	{"Arrows", "a >b and a>>b", "a single '>' or one glued to a word is not a speaker mark"},
	{"Laughs", "You don't build it into your movie camera.| [laughs]| You simply have a clock.", "an annotation after a terminator is its own sentence"},
	{"LaughsLower", "So yeah, do it.| [laughs]| womp womp", "an annotation that opens a sentence ends it, whatever follows"},
	{"LaughsDash", "No matter how good your code is --| [laughs]| It doesn't matter.", "an annotation after a dash is its own sentence"},
	{"AnnotationMid", "Learn from your mistakes, or [unintelligible 00:27:41.17]| Yeah, that's by design.", "an annotation before a capitalised word ends the sentence"},
	{"AnnotationMidLower", "I think [laughs] we should go.", "an annotation before a lower-case word continues"},
	{"AnnotationStart", "[Music]| Welcome back to the show.", "an annotation that opens the text is its own sentence"},
	{"CitationNotAnnotation", "As shown in [1] The model works.", "a bracket without a letter is not an annotation"},
	{"ResumedEllipsis", "Okay...| It still counts.| ...Deno's like a 27-person company.", "an ellipsis glued to a word after a terminator opens a sentence"},
	{"ResumedEllipsisChar", "It is.| …like in the billions of dollars.", "the ellipsis character glued to a word opens a sentence too"},
	{"EllipsisQuote", "Right...| \"Where are you?\"", "an ellipsis before a quoted capitalised word ends a sentence"},
	{"TranscriptOK", "OK.| So let's start.| Right?| Yeah, exactly.", "short turns split"},
}

// parseMarked strips the '|' markers from in and returns the text and the
// spans between the markers, trimmed of white space.
func parseMarked(in string) (string, []turn.Span) {
	var b strings.Builder
	cuts := []int{0}
	for _, r := range in {
		if r == '|' {
			cuts = append(cuts, b.Len())
			continue
		}
		b.WriteRune(r)
	}
	text := b.String()
	cuts = append(cuts, len(text))
	var spans []turn.Span
	for k := 1; k < len(cuts); k++ {
		lo, hi := cuts[k-1], cuts[k]
		for lo < hi {
			r, w := utf8.DecodeRuneInString(text[lo:])
			if !isSpace(r) {
				break
			}
			lo += w
		}
		for hi > lo {
			r, w := utf8.DecodeLastRuneInString(text[lo:hi])
			if !isSpace(r) {
				break
			}
			hi -= w
		}
		if lo < hi {
			spans = append(spans, turn.Span{Start: lo, End: hi})
		}
	}
	return text, spans
}

// mark renders text with a '|' after each span but the last, for error
// messages.
func mark(text string, spans []turn.Span) string {
	var b strings.Builder
	prev := 0
	for k, s := range spans {
		b.WriteString(text[prev:s.End])
		if k < len(spans)-1 {
			b.WriteByte('|')
		}
		prev = s.End
	}
	b.WriteString(text[prev:])
	return b.String()
}

func TestSplit(t *testing.T) {
	for _, tt := range splitTests {
		t.Run(tt.name, func(t *testing.T) {
			text, want := parseMarked(tt.in)
			got := Split([]byte(text), nil)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s\ngot  %q\nwant %q\nreason: %s",
					text, diff, mark(text, got), tt.in, tt.reason)
			}
			checkInvariants(t, []byte(text), got)
		})
	}
}

func TestSplitAppends(t *testing.T) {
	dst := []turn.Span{{Start: 7, End: 9}}
	got := Split([]byte("One. Two."), dst)
	want := []turn.Span{{Start: 7, End: 9}, {Start: 0, End: 4}, {Start: 5, End: 9}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Split appended (-want +got):\n%s", diff)
	}
}

// isSpace is the test's own definition of white space, independent of the
// package's.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}

// checkInvariants checks that spans are in order, disjoint, non-empty, in
// bounds, on rune boundaries, trimmed, and cover every non-space rune.
func checkInvariants(t *testing.T, src []byte, spans []turn.Span) {
	t.Helper()
	// Rune boundaries and white space, decoding as utf8 does.
	boundary := make([]bool, len(src)+1)
	space := make([]bool, len(src))
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		boundary[i] = true
		if isSpace(r) && r != utf8.RuneError {
			for k := i; k < i+w; k++ {
				space[k] = true
			}
		}
		i += w
	}
	boundary[len(src)] = true
	prev := 0
	for k, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(src) {
			t.Fatalf("span %d %v out of order, empty or out of bounds (previous end %d, len %d)", k, s, prev, len(src))
		}
		if !boundary[s.Start] || !boundary[s.End] {
			t.Fatalf("span %d %v not on rune boundaries", k, s)
		}
		if space[s.Start] || space[s.End-1] {
			t.Fatalf("span %d %v %q not trimmed", k, s, src[s.Start:s.End])
		}
		for i := prev; i < s.Start; i++ {
			if !space[i] {
				t.Fatalf("byte %d (%q) before span %d %v is not covered", i, src[i], k, s)
			}
		}
		prev = s.End
	}
	for i := prev; i < len(src); i++ {
		if !space[i] {
			t.Fatalf("byte %d (%q) after the last span is not covered", i, src[i])
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, tt := range splitTests {
		text, _ := parseMarked(tt.in)
		f.Add([]byte(text))
	}
	f.Add([]byte("\xe2\x80 \xc2. A\xe2\x80\xa6\xff B"))
	for _, tt := range caselessTests {
		text, _ := parseMarked(tt.in)
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		spans := Split(src, nil)
		checkInvariants(t, src, spans)
		checkInvariants(t, src, SplitCaseless(src, nil))
	})
}

// caselessTests are inputs for SplitCaseless, marked as splitTests are.
var caselessTests = []struct {
	name   string
	in     string
	reason string
}{
	{"Period", "it was the end.| and then it wasn't.", "a lower-case word after a period starts a sentence"},
	{"Question", "what do you build?| boats, mostly.", "and after a question mark"},
	{"Exclamation", "wow!| that is a lot of boats.", "and after an exclamation mark"},
	{"Capitalised", "it was the end.| Then it wasn't.", "a capitalised word still starts one"},
	{"Title", "we met mr. smith and dr. jones there.| it went well.", "titles still never end a sentence"},
	{"EG", "small boats, e.g. dinghies, sell well.| big ones don't.", "e.g. still never ends a sentence"},
	{"WeakAbbreviation", "he moved to the u.s. government later.| then he quit.", "an ambiguous abbreviation ends one only before a common sentence starter"},
	{"WeakAbbreviationStarter", "he moved to the u.s.| so did i.", "which a lower-case starter is"},
	{"NoSpace", "see example.com for the list.", "a period with no space after it does not split"},
	{"Number", "it was 3.5 metres long.", "nor inside a number"},
	{"Ellipsis", "and then... you know, it sank.", "an ellipsis still needs a capitalised word"},
	{"Unpunctuated", "so i went there and then we talked about it", "text without punctuation is still one span"},
}

func TestSplitCaseless(t *testing.T) {
	for _, tt := range caselessTests {
		t.Run(tt.name, func(t *testing.T) {
			text, want := parseMarked(tt.in)
			got := SplitCaseless([]byte(text), nil)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("SplitCaseless(%q) mismatch (-want +got):\n%s\ngot  %q\nwant %q\nreason: %s",
					text, diff, mark(text, got), tt.in, tt.reason)
			}
			checkInvariants(t, []byte(text), got)
		})
	}
	// On text with capitals where it should have them, the two agree
	// whenever no lower-case word follows a stop.
	for _, tt := range splitTests {
		text, _ := parseMarked(tt.in)
		if strings.Contains(tt.name, "Lowercase") || hasLowerAfterStop(text) {
			continue
		}
		if diff := cmp.Diff(Split([]byte(text), nil), SplitCaseless([]byte(text), nil)); diff != "" {
			t.Errorf("%s: SplitCaseless(%q) differs from Split (-Split +SplitCaseless):\n%s", tt.name, text, diff)
		}
	}
}

// hasLowerAfterStop reports whether a lower-case letter follows a
// period, question mark or exclamation mark and white space in s,
// possibly after closing quotes and brackets.
func hasLowerAfterStop(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != '?' && s[i] != '!' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.IndexByte("\"')]}.?! \t\n\r", s[j]) >= 0 {
			j++
		}
		if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && j > i+1 && unicode.IsLower(r) {
			return true
		}
	}
	return false
}
