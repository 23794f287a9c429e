package transcript_test

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/textdiarize/diarize/transcript"
	"github.com/textdiarize/diarize/transcript/score"
)

// samplePath is the example interview, about 10 KB of flat text.
const samplePath = "../examples/diarize/sample.txt"

var (
	sampleOnce sync.Once
	sampleSrc  []byte
	sampleErr  error
)

// interview returns a realistic transcript of at least size bytes: the
// sample interview repeated, its copies joined in turn by a space, a
// newline, a blank line and a CRLF, the way pasted transcripts vary.
func interview(tb testing.TB, size int) []byte {
	tb.Helper()
	sampleOnce.Do(func() {
		sampleSrc, sampleErr = os.ReadFile(samplePath)
		sampleSrc = bytes.TrimSpace(sampleSrc)
	})
	if sampleErr != nil {
		tb.Fatal(sampleErr)
	}
	if len(sampleSrc) == 0 {
		tb.Fatalf("%s is empty", samplePath)
	}
	joins := []string{" ", "\n", " ", "\n\n", " ", "\r\n"}
	src := make([]byte, 0, size+len(sampleSrc)+2)
	for i := 0; len(src) < size; i++ {
		if i > 0 {
			src = append(src, joins[i%len(joins)]...)
		}
		src = append(src, sampleSrc...)
	}
	return src
}

func BenchmarkParse(b *testing.B) {
	sizes := []struct {
		name string
		size int
	}{
		{"64KB", 64 << 10},
		{"1MB", 1 << 20},
		{"16MB", 16 << 20},
	}
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			src := interview(b, sz.size)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := transcript.Parse(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseCaptions parses BenchmarkParse's 1 MB input as automatic
// captions give it: lower case, with no punctuation but apostrophes, so
// that the boundary model cuts it into units.
func BenchmarkParseCaptions(b *testing.B) {
	src := bytes.Map(func(r rune) rune {
		if unicode.IsPunct(r) && r != '\'' {
			return -1
		}
		return unicode.ToLower(r)
	}, interview(b, 1<<20))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := transcript.Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseEpisodes parses the gold corpus's episodes (see
// corpusDir) one at a time, as a user parses an archive: each
// sub-benchmark's operation is every episode of one variant, flat
// (punctuated, the seed included) or asr (captions). Real episodes are
// 40-100 KB and little of their wording recurs, so most of their words
// take the adaptation's exact path, unlike BenchmarkParse's input, which
// repeats one interview. It is skipped without the corpus.
func BenchmarkParseEpisodes(b *testing.B) {
	texts := map[string][][]byte{}
	for _, file := range goldFiles(b, corpusDir(b)) {
		g, err := score.Load(file)
		if err != nil {
			b.Fatal(err)
		}
		texts[g.Variant] = append(texts[g.Variant], []byte(g.Text))
	}
	for _, variant := range []string{"flat", "asr"} {
		b.Run(variant, func(b *testing.B) {
			eps := texts[variant]
			if len(eps) == 0 {
				b.Skipf("no %s episodes in the corpus", variant)
			}
			n := 0
			for _, src := range eps {
				n += len(src)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, src := range eps {
					if _, err := transcript.Parse(src); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkExplain is BenchmarkParse's 1 MB case with explanations, to
// show what they cost.
func BenchmarkExplain(b *testing.B) {
	src := interview(b, 1<<20)
	p := transcript.Parser{Explain: true}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteJSON(b *testing.B) {
	src := interview(b, 1<<20)
	tr, err := transcript.Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := tr.WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// TestInterview checks the benchmark input: large enough, valid, and
// parsed into many turns.
func TestInterview(t *testing.T) {
	src := interview(t, 1<<20)
	if len(src) < 1<<20 {
		t.Fatalf("interview is %d bytes, want at least 1 MB", len(src))
	}
	tr, err := transcript.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Turns) < 2 {
		t.Errorf("Parse of %d bytes gave %d turns", len(src), len(tr.Turns))
	}
}

// BenchmarkPeakHeap measures the memory a parse holds at its
// largest: the heap in use (runtime/metrics, live and not yet swept
// objects) sampled every 50 µs during each parse, over what it was
// before. The "string" case parses the input held as a string, with
// ParseString. It reports the mean and the largest peak over the parses, in
// MB and as a multiple of the input's size. Its time per parse includes
// a collection before each and the sampling; read BenchmarkParse for
// speed.
func BenchmarkPeakHeap(b *testing.B) {
	for _, sz := range []struct {
		name   string
		size   int
		string bool // parse with ParseString
	}{{"1MB", 1 << 20, false}, {"16MB", 16 << 20, false}, {"16MB-string", 16 << 20, true}} {
		b.Run(sz.name, func(b *testing.B) {
			src := interview(b, sz.size)
			str := ""
			if sz.string {
				str = string(src)
			}
			sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
			var sum, most float64
			n := 0
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				metrics.Read(sample)
				base := sample[0].Value.Uint64()
				peak := base
				done, stopped := make(chan struct{}), make(chan struct{})
				go func() {
					defer close(stopped)
					s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
					for {
						select {
						case <-done:
							return
						default:
						}
						metrics.Read(s)
						peak = max(peak, s[0].Value.Uint64())
						time.Sleep(50 * time.Microsecond)
					}
				}()
				b.StartTimer()
				var err error
				if sz.string {
					_, err = transcript.ParseString(str)
				} else {
					_, err = transcript.Parse(src)
				}
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				close(done)
				<-stopped
				mb := float64(peak-base) / 1e6
				sum += mb
				most = max(most, mb)
				n++
				b.StartTimer()
			}
			b.ReportMetric(sum/float64(n), "peak-MB")
			b.ReportMetric(most, "max-peak-MB")
			b.ReportMetric(sum/float64(n)*1e6/float64(len(src)), "peak/input")
		})
	}
}
