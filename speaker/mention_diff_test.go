package speaker

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// checkSame fails t when Finder{Names: names}.Mentions(s) differs from
// refMentions(names, s).
func checkSame(t testing.TB, f *Finder, s string) {
	t.Helper()
	got, want := f.Mentions(s), refMentions(f.Names, s)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Mentions(%q) with Names %q:\n got %+v\nwant %+v", s, f.Names, got, want)
	}
}

// captions returns s as automatic captions give it: lower case, no
// punctuation but apostrophes.
func captions(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) && r != '\'' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// finders are the Finders the differential tests try each text with.
var finders = []*Finder{
	{},
	{Names: []string{"Maya Ortiz", "Sam Lee"}},
	{Names: []string{" ", "Ryan", "Jerod Santo", "ÉLODIE Brun"}},
}

func TestMentionsMatchesReferenceSample(t *testing.T) {
	raw, err := os.ReadFile("../examples/diarize/sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{string(raw), captions(string(raw))} {
		for _, f := range finders {
			checkSame(t, f, s)
			// Every line, and every window of a few sizes.
			for line := range strings.Lines(s) {
				checkSame(t, f, line)
			}
			for _, n := range []int{1, 7, 40, 300} {
				for i := 0; i < len(s); i += max(1, n/3) {
					checkSame(t, f, s[i:min(len(s), i+n)])
				}
			}
		}
	}
}

// TestMentionsMatchesReferenceCorpus compares Mentions with refMentions on
// the turns of the development corpus and on slices of its texts of the
// sizes turns have, with no names known and with the speakers' names.
// The corpus is $DIARIZE_CORPUS or ../shared/corpus/dev beside the module
// root, as for the transcript package's corpus tests.
func TestMentionsMatchesReferenceCorpus(t *testing.T) {
	dir := os.Getenv("DIARIZE_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus", "dev")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skipf("no corpus texts in %s: set DIARIZE_CORPUS to a directory of gold *.json files", dir)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Text     string            `json:"text"`
			Speakers map[string]string `json:"speakers"`
			Turns    []struct {
				Start, End int
			} `json:"turns"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		s := doc.Text
		known := &Finder{Names: []string{doc.Speakers["interviewer"], doc.Speakers["guest"]}}
		for _, f := range []*Finder{{}, known} {
			checkSame(t, f, s)
			for _, tu := range doc.Turns {
				if 0 <= tu.Start && tu.Start <= tu.End && tu.End <= len(s) {
					checkSame(t, f, s[tu.Start:tu.End])
				}
			}
			// Windows of turn sizes at any byte, also inside a rune.
			for _, n := range []int{30, 200, 700, 2500, 8000} {
				for range 200 {
					i := rng.IntN(len(s))
					checkSame(t, f, s[i:min(len(s), i+n)])
				}
			}
		}
	}
}

func TestMentionsMatchesReferenceEdges(t *testing.T) {
	edges := []string{
		"", " ", ",", "...", "?!", "'", "’", "-", "--", "'s", "’s", "a", "A", "I", "É",
		"Maya", "maya", "Maya's", "Maya’s", "MAYA", "Maya’", "Maya-", "-Maya", "'Maya'",
		"Thanks, Maya.", "thanks maya", "Thanks, Maya", "Thanks , Maya ,", "Thanks,Maya.",
		"Hi, Maya!", "Hi,  Maya  !", "Hi, Maya Ortiz!", "Hi, Maya Ortiz. ", "Hi, Maya 2.",
		"Welcome, Maya.", "Welcome Maya Ortiz", "welcome maya", "Welcome back, Maya, to…",
		"I'm Sam, and this is Tide Talk.", "I’m Sam, and this is Tide Talk.", "i’m sam lee",
		"This is Sam Lee.", "Welcome. This is Sam Lee.", "welcome this is sam lee",
		"My name is Sam Lee", "my name is sam", "My name is Acme.com", "My name is Jo/Ann",
		"So, Maya, you said", "Okay Maya I think", "Well, Maya, I’ve", "So Maya, you’re",
		"Maya, do you dive?", "Maya welcome to the show", "Maya, thank you", "Maya thanks",
		"maya welcome back", "so maya thanks so much", "maya thank you for", "Maya.\nThanks, Maya.",
		`"Hey, Maya, slow down."`, "“Hey, Maya,” she said. Thanks, Maya.", "&quot;Hi, Maya&quot;, Bye, Sam.",
		"” “Maya, do you dive?", "”“Hey, Maya!", "” “Thanks, Maya.", "”\"Maya, do you\"", "Yes: Maya, do you",
		"Paris, Lyon, and Nice.", "Lyon, Paris.", "I, Maya, swear", "at my company, Acme, we",
		"I&#39;m here with Maya Ortiz.", "i&#39;m here with maya ortiz", "we have with us Élodie Brun",
		"Thanks, Élodie.", "Thanks, ÉLODIE.", "Thanks, Ǆemal.", "Thanks, ǅemal.", "Thanks, Straße.",
		"Thanks, İstanbul.", "Thanks, Kelvin\u212a.", "Thanks, \u212aelvin.", "Thanks, ſam.", "thanks ſam",
		"Thanks,\u00a0Maya.", "Thanks,\u2003Maya\u2028", "Thanks\u3000Maya。", "Thanks, Maya…", "Thanks, Maya\u0085",
		"Thanks, Maya\xff.", "Thanks, \xffMaya.", "\xff\xfe", "Maya\x80", "Thanks, Ma\u0301ya.",
		"Thanks, 𝐌aya.", "Thanks, Maya𝐚.", "Thanks, O'Brien.", "Thanks, O’Brien.", "Thanks, Jean-Luc.",
		"Thanks, Jean-Luc Picard.", "Thanks, Mary-.", "Thanks, -Mary.", "Thanks, Mary''.",
		"Great point, Maya. Maya said so. Maya, right? MAYA, Maya, Maya.",
		"Today, Today. Today Today, Sure, Right, Mark, Mark.", "You, Mark, Mark, you.",
	}
	for _, s := range edges {
		for _, f := range finders {
			checkSame(t, f, s)
			checkSame(t, f, captions(s))
			checkSame(t, f, strings.ToUpper(s))
		}
	}
}

// TestMentionsMatchesReferenceRandom compares Mentions with refMentions on
// random texts made of words that the patterns care about, names,
// punctuation and odd runes.
func TestMentionsMatchesReferenceRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		s := randomText(rng, rng.IntN(40))
		for _, f := range finders {
			checkSame(t, f, s)
		}
	}
}

// pieces are what randomText builds texts from.
var pieces = strings.Fields(`Maya maya Maia Ortiz ortiz Sam sam Lee Ryan ryan's Ryan’s Élodie ÉLODIE
	NASA AI I i I'm i'm I’m I&#39;m 39 m here with my guest today is name this welcome Welcome back
	to the show podcast thanks Thanks thank Thank you so much very hi Hi hey there bye take care
	see what's up So so well Well okay Okay you your you're and but for Paris Lyon Acme .com
	Today Monday Guys Yeah Right Mark mark Mary-Jo O'Brien - -- ' ’ '' , . ? ! … : ; " “ ” &quot;
	( ) / 2 42 ſ K İ ǅ ß 𝐌 \xff é́ episode joined by please let's`)

// randomText returns n pieces joined by random white space or none.
func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
		switch rng.IntN(8) {
		case 0:
		case 1:
			b.WriteString("  ")
		case 2:
			b.WriteString("\n")
		case 3:
			b.WriteString("\u00a0")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func FuzzMentionsMatchesReference(f *testing.F) {
	raw, err := os.ReadFile("../examples/diarize/sample.txt")
	if err != nil {
		f.Fatal(err)
	}
	for line := range strings.Lines(string(raw)) {
		f.Add(line, "")
		f.Add(captions(line), "Maya Ortiz")
	}
	for _, s := range []string{"", "Thanks, Maya.", "i'm here with maya ortiz", "Thanks, Maya’s. Bye, Élodie!", "\xff, Maya"} {
		f.Add(s, "")
		f.Add(s, "Maya")
		f.Add(s, "Élodie Brun")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		f.Add(randomText(rng, 1+rng.IntN(30)), pieces[rng.IntN(len(pieces))])
	}
	f.Fuzz(func(t *testing.T, s, name string) {
		checkSame(t, &Finder{}, s)
		checkSame(t, &Finder{Names: []string{name}}, s)
	})
}
