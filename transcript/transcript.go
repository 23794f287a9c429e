// Package transcript parses a flat interview transcript — one block of
// text with no speaker labels — into alternating interviewer and guest
// turns, and renders the result.
//
// The pipeline runs one way: the input is checked ([Error]), split into
// sentences over the original bytes, cleared of speech-recognition noise
// (a word repeated in a loop), scored sentence by sentence for cues of who
// is speaking, and decoded over the whole conversation into turns
// ([turn.Decoder]). A cold open, clips from later in the conversation
// played before the interview starts, is found by recurrence while the
// sentences are first scored ([Transcript.Teaser]), and is left out when
// the scores adapt to each speaker's wording. Every offset is a byte
// offset into the exact input, half-open.
//
// Besides flat text, [Parser] reads SRT, WebVTT, Whisper JSON,
// timestamped and labelled transcripts ([Format], [Detect]); their times
// carry through to the turns, their speaker labels decide them.
//
// A [Parser] with Explain set also says why each turn is where it is
// ([turn.Explanation]): the score of the change of speaker at its start,
// the margin by which the decoder's best path beats the best path without
// that boundary, and each sentence's score, posterior probability, question
// score and cues. [Transcript.WriteJSON] writes it as the turn's "explain"
// object, absent otherwise; for the guest's turn of "Why kelp? Well, it
// grows fast. It shelters fish.":
//
//	"explain": {
//	  "switch": 2.014,        // the change of speaker's score, less Decoder.SwitchCost; 0 for turn 0
//	  "margin": 2.175,        // best path less best path without this boundary; >= 0 unless voices or a cold open decided
//	  "sentences": [
//	    {
//	      "start": 10,
//	      "end": 30,
//	      "score": 0.095,     // log-odds, interviewer positive
//	      "posterior": 0.833, // probability of the turn's role
//	      "question": 0,
//	      "cues": ["after-question", "answer-opener"]
//	    },
//	    ...                   // "It shelters fish."
//	  ]
//	}
//
// [Transcript.WriteText] and [Transcript.WriteMarkdown] show it as lines
// under each turn.
package transcript

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/textdiarize/diarize/speaker"
	"github.com/textdiarize/diarize/transcript/internal/model"
	"github.com/textdiarize/diarize/transcript/internal/noise"
	"github.com/textdiarize/diarize/transcript/internal/par"
	"github.com/textdiarize/diarize/transcript/internal/unit"
	"github.com/textdiarize/diarize/turn"
)

// Version is the version of the JSON schema that [Transcript.WriteJSON]
// writes.
const Version = 1

// A NoiseKind says what a noise span is.
type NoiseKind string

// Kinds of noise.
const (
	// Repetition is a speech-recognition loop: one word or short phrase
	// repeated many times in a row, spoken by nobody.
	Repetition NoiseKind = "repetition"
)

// A Noise is a span of the input that is nobody's speech.
type Noise struct {
	turn.Span
	Kind NoiseKind `json:"kind"`
}

// A Transcript is a parsed conversation.
type Transcript struct {
	// Speakers are the two parties, interviewer first.
	Speakers []speaker.Speaker
	// Turns alternate between the speakers. Their spans are in order,
	// disjoint, and with the noise spans cover every non-space byte of the
	// input.
	Turns []turn.Turn
	// Noise lists the spans that are nobody's speech, in order. A noise
	// span lies between turns or inside a turn's range; the turn's Text
	// then leaves it out.
	Noise []Noise
	// Questions are the interviewer's questions in order: the sentences of
	// the interviewer's turns whose question score is at least
	// [QuestionThreshold], but for those of the cold open ([turn.Turn.Teaser]),
	// which are asked again later.
	Questions []Question
	// Teaser is the cold open: the stretch at the start made of clips
	// from later in the conversation, played before the interview starts.
	// It is found by recurrence: most of its words (at least 60%, and at
	// least 20) come back near verbatim later in the input, while the
	// words that follow it, the interview's start, do not. It runs from
	// the first word of the input that is not noise to the end of the
	// last clip, and the turns mostly inside it have Teaser set. It is the
	// zero Span when there is none, as for most transcripts; also for a
	// transcript pasted twice, whose opening recurs without end: it is the
	// interview itself, not clips of it; and for an input too repetitive
	// to tell within a time linear in its size.
	Teaser turn.Span
	// Timed reports that the input had times (a subtitle or Whisper file,
	// a timestamped transcript, a labelled one whose labels all give a
	// time), so that the turns' StartTime and EndTime are set.
	Timed bool
	// Confidence is the mean of the turns' Confidence, each weighted by
	// its words, rounded to three decimals; 0 when no turn has a word.
	// The turns' confidences are calibrated posteriors, so this is an
	// estimate of the share of the words given to the right speaker, and
	// a way to pick out the transcripts that most need a reader (the
	// README's Accuracy section has how well it does that). It is as
	// good as the posteriors: where the decoder is sure and wrong, so is
	// this. When a
	// subtitle file's voices decide the roles, the turns keep the
	// decoder's probability of the role the voice gives, so this then
	// says how far the decoder agrees with the file.
	Confidence float64

	flat  *flat // the speech of a timed input, for renderers; nil for flat text
	src   []byte
	str   string     // src as a string, set by Parse: turn texts and mentions are its substrings
	lines *lineTable // set by Parse; nil in a Transcript built by hand
}

// Source returns the input the transcript was parsed from. The caller must
// not modify it.
func (t *Transcript) Source() []byte { return t.src }

// Position returns the line and column of a byte offset into the input.
// The first call builds a table of line starts, as go/token.File keeps;
// Position is safe for concurrent use.
func (t *Transcript) Position(offset int) Position {
	if t.lines == nil {
		return position(t.src, offset)
	}
	return t.lines.position(t.src, offset)
}

// A lineTable holds the offsets of the line starts of an input, built on
// first use.
type lineTable struct {
	once   sync.Once
	starts []int // starts[i] is the offset of line i+1
}

func (lt *lineTable) position(src []byte, offset int) Position {
	lt.once.Do(func() {
		n := bytes.Count(src, []byte{'\n'})
		lt.starts = make([]int, 1, n+1)
		for i, c := range src {
			if c == '\n' {
				lt.starts = append(lt.starts, i+1)
			}
		}
	})
	offset = max(0, min(offset, len(src)))
	// The last line that starts at or before offset.
	i, found := slices.BinarySearch(lt.starts, offset)
	if !found {
		i--
	}
	return Position{Offset: offset, Line: i + 1, Column: offset - lt.starts[i] + 1}
}

// A Parser parses transcripts. The zero value is ready to use and a Parser
// is safe for concurrent use.
type Parser struct {
	// MaxBytes is the largest input accepted; zero means
	// [DefaultMaxBytes].
	MaxBytes int
	// Decoder decodes the scored sentences into turns.
	Decoder turn.Decoder
	// Names are the speakers' names when known beforehand. They are used
	// as given, and their first names help find the speakers' other
	// mentions; roles not in Names are named from the text, if at all.
	Names speaker.Names
	// Format is the format of the input; the zero value is [Text]. For
	// the timed formats the parser reads the cues' speech as flat text and
	// maps every offset back into the file (see [Markup]).
	Format Format
	// Explain, when set, gives every turn an Explanation (see
	// [turn.Decoder.Explain]): the switch score and margin of its start,
	// and each sentence's score, posterior, question score and cues. It
	// costs a little more time and memory; off, Parse does no such work.
	Explain bool
}

// Parse parses src with the zero [Parser].
func Parse(src []byte) (*Transcript, error) {
	var p Parser
	return p.Parse(src)
}

// Parse parses src, a transcript in UTF-8 in the format p.Format says: a
// flat transcript by default, or SRT, WebVTT or Whisper JSON. The
// returned transcript keeps src, and its turns' texts share one copy of
// it; the caller must not modify src afterwards. Bad input is reported as
// an [*Error] wrapping one of [ErrEmpty], [ErrInvalidUTF8], [ErrBinary]
// or [ErrTooLarge], or, for a malformed subtitle or Whisper file,
// [ErrFormat].
func (p *Parser) Parse(src []byte) (*Transcript, error) {
	return p.parseBytes(src, "")
}

// ParseString parses s with the zero [Parser].
func ParseString(s string) (*Transcript, error) {
	var p Parser
	return p.ParseString(s)
}

// ParseString parses s as [Parser.Parse] parses []byte(s), to the same
// result, without copying it: a string cannot change, so the transcript
// and its turns' texts share the bytes of s (for a long input, the size
// of the input less memory, kept and at the peak).
func (p *Parser) ParseString(s string) (*Transcript, error) {
	// The parser only reads its input, so the bytes of s are safe to
	// hand it.
	return p.parseBytes(unsafe.Slice(unsafe.StringData(s), len(s)), s)
}

// parseBytes parses src; str, when not empty, is src as a string.
func (p *Parser) parseBytes(src []byte, str string) (*Transcript, error) {
	limit := p.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if err := check(src, limit); err != nil {
		return nil, err
	}
	if f := p.Format; f != Text && (f != Auto || Detect(src) != Text) {
		return p.parseTimed(src, f)
	}
	return p.parse(src, nil, str), nil
}

// parse parses src, which check has accepted. fl, when not nil, is the
// timed file src was read from; its voices decide the roles. str, when
// not empty, is src as a string, which the turns' texts then share.
func (p *Parser) parse(src []byte, fl *flat, str string) *Transcript {
	names := p.Names
	tr := &Transcript{src: src, lines: new(lineTable)}
	// Noise and sentences are found independently, at once.
	var spans, units []turn.Span
	par.Do(func() { spans = noise.Find(src) }, func() { units = unit.Sentences(src) })
	if len(spans) > 0 {
		tr.Noise = make([]Noise, len(spans))
		for i, s := range spans {
			tr.Noise[i] = Noise{Span: s, Kind: Repetition}
		}
	}
	units = unit.Trim(src, units, spans)
	// The cold open needs the sentences and the noise, not the scores:
	// look for it while the first pass scores the sentences. The
	// adaptation to the speakers' wording leaves it out.
	var (
		first *model.Scoring
		recs  []recurrence
	)
	par.Do(func() { first = model.Begin(src, units) }, func() { tr.Teaser, recs = findTeaser(src, spans, units) })
	segs, cues := first.Finish(tr.Teaser)
	marked := speakerMarks(src, segs)
	// Decode, naming the cues of the segments that start a turn only.
	roles, prob := p.Decoder.Roles(segs)
	clips := attributeClips(segs, roles, prob, tr.Teaser, recs)
	if fl != nil {
		names = fl.voiceRoles(segs, roles, prob, names)
	}
	named := func(i int) bool { return p.Explain || i == 0 || roles[i] != roles[i-1] }
	par.Range(len(segs), 1024, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if named(i) {
				segs[i].Cues = cues.At(i)
			}
		}
	})
	for _, i := range clips {
		if named(i) {
			segs[i].Cues = append([]turn.Cue{turn.CueRecurrence}, segs[i].Cues...)
		}
	}
	for _, i := range marked {
		if named(i) {
			segs[i].Cues = append([]turn.Cue{turn.CueSpeakerMark}, segs[i].Cues...)
		}
	}
	tr.Turns = turn.Group(segs, roles, prob)
	tr.markTeaser()
	if p.Explain {
		ex := p.Decoder.Explain(segs, roles, prob)
		for i := range tr.Turns {
			tr.Turns[i].Explanation = &ex[i]
		}
	}
	tr.Speakers = []speaker.Speaker{
		{ID: "S1", Role: speaker.Interviewer},
		{ID: "S2", Role: speaker.Guest},
	}
	// The turns' texts are substrings of one copy of the input, made only
	// now: the scoring's buffers are garbage by this time, so the copy
	// does not add to the live heap at its largest (the adaptation). The
	// heap in use, garbage not yet collected included, does peak here,
	// as the turns and this copy are made: a string input needs no copy.
	tr.str = str
	if str == "" {
		tr.str = string(src)
	}
	k := 0 // turns are in order, so one cursor walks the noise for all
	for i := range tr.Turns {
		t := &tr.Turns[i]
		if t.Role == speaker.Interviewer {
			t.Speaker = "S1"
		} else {
			t.Speaker = "S2"
		}
		t.Text, k = tr.text(t.Span, k)
	}
	// The statistics and the names fill different fields of the
	// speakers: work them out at once.
	par.Do(tr.describe, func() { tr.nameSpeakers(names) })
	return tr
}

// source returns src[s] as a string, a substring of one copy of the
// input when Parse made it.
func (t *Transcript) source(s turn.Span) string {
	if len(t.str) == len(t.src) {
		return t.str[s.Start:s.End]
	}
	return string(t.src[s.Start:s.End])
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// text returns src[s] with the noise spans inside it left out; the white
// space around a removed span becomes one space. The noise spans before
// t.Noise[k] end before s starts; text returns the index to pass for the
// next span, which must not start before s.
func (t *Transcript) text(s turn.Span, k int) (string, int) {
	for k < len(t.Noise) && t.Noise[k].End <= s.Start {
		k++
	}
	m := k
	for m < len(t.Noise) && t.Noise[m].Start < s.End {
		m++
	}
	if m == k {
		return t.source(s), k
	}
	var b strings.Builder
	b.Grow(s.Len())
	pos := s.Start
	for _, n := range t.Noise[k:m] {
		if n.Start > pos {
			b.Write(trimRight(t.src[pos:n.Start]))
		}
		pos = max(pos, n.End)
		for pos < s.End && isSpaceByte(t.src[pos]) {
			pos++
		}
		if b.Len() > 0 && pos < s.End {
			b.WriteByte(' ')
		}
	}
	if pos == s.Start {
		return t.source(s), k
	}
	b.Write(t.src[pos:s.End])
	return b.String(), k
}

func trimRight(b []byte) []byte {
	for len(b) > 0 && isSpaceByte(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
