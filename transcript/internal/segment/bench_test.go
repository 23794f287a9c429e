package segment

import (
	"strings"
	"testing"

	"github.com/textdiarize/diarize/turn"
)

// benchSentences is an interview in the style of a cased, punctuated
// speech-recognition transcript, written for this benchmark.
var benchSentences = []string{
	"Alright, I'm here with Dr. Maria Chen, who runs the robotics lab at the U.S. Naval Academy.",
	"Welcome to the show, Maria.",
	"Hey, thanks for having me.",
	"It's great to be here.",
	"So, you know, what did you do before you started the lab?",
	"Yeah, so I was actually originally a physicist, and, um, I did my Ph.D. in condensed matter at MIT.",
	"And then... you know, I kind of drifted into machine learning around 2015.",
	"What made you switch?",
	"Honestly, it was the compute.",
	"We had a cluster with 1,000 GPUs sitting idle at 3 a.m. and nobody was using it.",
	"That's wild.",
	"Was it expensive?",
	"Oh, it cost about $2.5 million, which, you know, for a university is a lot of money.",
	"I mean, we're talking about v1.2 of the whole stack, e.g. the scheduler, the storage, all of it.",
	"Right, right.",
	"And how did Prof. Alvarez feel about that?",
	"He was... He was skeptical at first -- I think everyone was.",
	"But then we got GPT-2 running on it, and it just worked!",
	"Wow.",
	"So what's next for the lab?",
	"Well, we're hiring.",
	"If you're interested, email jobs@robotics-lab.example.org or go to example.org/jobs for the details.",
	"We're looking for people who can do both— They're rare, honestly.",
	"Do you think the models will keep getting better?!",
	"I do.",
	"I think the scaling curves, i.e. the loss versus compute plots, haven't bent yet.",
	"It's, like, 10:30 here and I still haven't had coffee, so forgive me if I ramble.",
	"No worries at all.",
	"Let's talk about J. R. R. Tolkien for a second, because you mentioned him in your last talk.",
	"Ha, yes.",
	"So the idea was that world-building is a kind of simulation, right?",
	"You build the world, and the stories fall out of it.",
	"That's a beautiful way to put it.",
}

// benchText returns about size bytes of interview text on one line.
func benchText(size int) []byte {
	var b strings.Builder
	for b.Len() < size {
		for _, s := range benchSentences {
			b.WriteString(s)
			b.WriteByte(' ')
		}
	}
	return []byte(b.String())
}

func BenchmarkSplit(b *testing.B) {
	src := benchText(1 << 20)
	dst := Split(src, nil)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dst = Split(src, dst[:0])
	}
	b.ReportMetric(float64(len(dst)), "spans/op")
}

// TestSplitNoAllocs checks that Split allocates nothing when dst has room.
func TestSplitNoAllocs(t *testing.T) {
	src := benchText(64 << 10)
	dst := make([]turn.Span, 0, len(src))
	allocs := testing.AllocsPerRun(10, func() {
		dst = Split(src, dst[:0])
	})
	if allocs != 0 {
		t.Errorf("Split allocated %v times per call, want 0", allocs)
	}
}

// TestBenchText checks that the benchmark text splits where it should.
func TestBenchText(t *testing.T) {
	src := []byte(strings.Join(benchSentences, " "))
	spans := Split(src, nil)
	// Expected extra splits inside the listed sentences: "He was...",
	// "at first --" and "both—" (a speaker breaking off).
	want := len(benchSentences) + 3
	if len(spans) != want {
		t.Errorf("Split gave %d sentences, want %d:\n%s", len(spans), want, mark(string(src), spans))
	}
	checkInvariants(t, src, spans)
}
