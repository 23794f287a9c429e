package sentbench_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
	"github.com/textdiarize/diarize/transcript"
)

const (
	// segmentBench is the source of segment.BenchmarkSplit, whose
	// benchSentences make its input.
	segmentBench = "../../transcript/internal/segment/bench_test.go"
	// samplePath is the sample interview that transcript.BenchmarkParse
	// repeats.
	samplePath = "../diarize/sample.txt"
	size       = 1 << 20
)

// splitText returns the input of segment.BenchmarkSplit, byte for byte:
// the string literals of its benchSentences, each followed by a space,
// repeated until the text holds at least size bytes (segment's benchText).
func splitText(tb testing.TB) []byte {
	tb.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), segmentBench, nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	var sents []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "benchSentences" || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.CompositeLit)
		if !ok {
			return true
		}
		for _, e := range lit.Elts {
			bl, ok := e.(*ast.BasicLit)
			if !ok || bl.Kind != token.STRING {
				tb.Fatalf("%s: benchSentences holds a %T, want string literals", segmentBench, e)
			}
			s, err := strconv.Unquote(bl.Value)
			if err != nil {
				tb.Fatal(err)
			}
			sents = append(sents, s)
		}
		return false
	})
	if len(sents) == 0 {
		tb.Fatalf("%s: no benchSentences found", segmentBench)
	}
	var b strings.Builder
	for b.Len() < size {
		for _, s := range sents {
			b.WriteString(s)
			b.WriteByte(' ')
		}
	}
	return []byte(b.String())
}

// interview returns the input of transcript.BenchmarkParse/1MB, byte for
// byte: the sample interview repeated, its copies joined in turn by a
// space, a newline, a blank line and a CRLF.
func interview(tb testing.TB) []byte {
	tb.Helper()
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		tb.Fatal(err)
	}
	sample = bytes.TrimSpace(sample)
	joins := []string{" ", "\n", " ", "\n\n", " ", "\r\n"}
	src := make([]byte, 0, size+len(sample)+2)
	for i := 0; len(src) < size; i++ {
		if i > 0 {
			src = append(src, joins[i%len(joins)]...)
		}
		src = append(src, sample...)
	}
	return src
}

var (
	tokOnce sync.Once
	tok     *sentences.DefaultSentenceTokenizer
	tokErr  error
)

// tokenizer returns neurosnap's English sentence tokenizer with its
// embedded Punkt training data, loaded once.
func tokenizer(tb testing.TB) *sentences.DefaultSentenceTokenizer {
	tb.Helper()
	tokOnce.Do(func() { tok, tokErr = english.NewSentenceTokenizer(nil) })
	if tokErr != nil {
		tb.Fatal(tokErr)
	}
	return tok
}

var inputs = []struct {
	name string
	src  func(testing.TB) []byte
}{
	{"split-text", splitText},
	{"interview", interview},
}

// BenchmarkNeurosnap times neurosnap's English tokenizer finding the
// sentence ends (SentencePositions, the counterpart of our spans; Tokenize
// also copies each sentence into a struct).
func BenchmarkNeurosnap(b *testing.B) {
	t := tokenizer(b)
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			text := string(in.src(b))
			var n int
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				n = len(t.SentencePositions(text))
			}
			b.ReportMetric(float64(n), "sentences/op")
		})
	}
}

// BenchmarkParse times the whole of transcript.Parse (sentences, noise,
// scores, decoding, names) on the interview, for scale.
func BenchmarkParse(b *testing.B) {
	src := interview(b)
	var n int
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		tr, err := transcript.Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		for _, t := range tr.Turns {
			n += len(t.Sentences)
		}
	}
	b.ReportMetric(float64(n), "sentences/op")
}

// TestInputs checks that both inputs are built and that each splitter
// finds a plausible number of sentences in a piece of them.
func TestInputs(t *testing.T) {
	for _, in := range inputs {
		src := in.src(t)
		if len(src) < size || len(src) > 2*size {
			t.Errorf("%s: %d bytes, want about %d", in.name, len(src), size)
		}
		piece := string(src[:bytes.LastIndexByte(src[:8<<10], ' ')])
		if n := len(tokenizer(t).SentencePositions(piece)); n < 40 {
			t.Errorf("%s: neurosnap found %d sentences in %d bytes, want dozens", in.name, n, len(piece))
		}
		tr, err := transcript.Parse([]byte(piece))
		if err != nil {
			t.Fatalf("%s: %v", in.name, err)
		}
		if len(tr.Turns) < 2 {
			t.Errorf("%s: Parse gave %d turns", in.name, len(tr.Turns))
		}
	}
}
