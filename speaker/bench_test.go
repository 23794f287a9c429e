package speaker

import (
	"os"
	"strings"
	"testing"
	"unicode"
)

// BenchmarkMentions finds the names in the example interview as written
// and as automatic captions give it (lower case, no punctuation).
func BenchmarkMentions(b *testing.B) {
	raw, err := os.ReadFile("../examples/diarize/sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	cased := string(raw)
	captions := strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) && r != '\'' {
			return -1
		}
		return unicode.ToLower(r)
	}, cased)
	for _, tc := range []struct{ name, text string }{{"cased", cased}, {"captions", captions}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			var f Finder
			for b.Loop() {
				if len(f.Mentions(tc.text)) == 0 && tc.name == "cased" {
					b.Fatal("no mentions in the sample")
				}
			}
		})
	}
}
