package turn

import "github.com/textdiarize/diarize/speaker"

// A Cue names a piece of evidence about who is speaking, such as a
// question mark or an answer opener like "Yeah,".
type Cue string

// Cues the scorer reports. The list grows; treat unknown values as opaque.
// CueVocative, CueIdiolect and CueContext are reserved: named for other
// scorers, the parser does not report them.
const (
	CueQuestion      Cue = "question"       // the segment holds a question mark
	CueInterrogative Cue = "interrogative"  // opens with a wh-word or auxiliary inversion
	CueRequest       Cue = "request"        // "tell me", "walk us through"
	CueSecondPerson  Cue = "second-person"  // addresses the other party as "you"
	CueVocative      Cue = "vocative"       // addresses the other party by name
	CueBackchannel   Cue = "backchannel"    // "Right.", "Got it.", "Fair."
	CueAnswerOpener  Cue = "answer-opener"  // "Yeah,", "Well,", "So,", "I think"
	CueFirstPerson   Cue = "first-person"   // "I", "we", "my"
	CueLong          Cue = "long"           // a long stretch of speech
	CueAfterQuestion Cue = "after-question" // follows the other party's question
	CueIdiolect      Cue = "idiolect"       // words this speaker favours in this conversation
	CueContext       Cue = "context"        // only the surrounding turns decided it
	CueRecurrence    Cue = "recurrence"     // a cold open's clip, given the role of its later occurrence
	CueSpeakerMark   Cue = "speaker-mark"   // opens with ">>", a captioner's mark of a change of speaker
	CueQuestionWords Cue = "question-words" // no question mark, but worded the way questions end
)

// A Segment is a sentence-sized [Span] scored for who is likely to speak it.
// Scores are log-odds: positive favours the interviewer.
type Segment struct {
	Span
	// Score is the log-odds that the interviewer rather than the guest
	// speaks this segment.
	Score float64
	// ToInterviewer and ToGuest score a change of speaker at the start of
	// this segment, to the interviewer and to the guest respectively. They
	// are added to the path score when the decoder switches here; staying
	// with the same speaker scores zero.
	ToInterviewer, ToGuest float64
	// Question is how much the segment reads as a question, in [0, 1].
	Question float64
	// Cues are the strongest pieces of evidence behind Score and the
	// switch scores, strongest first.
	Cues []Cue
}

// A Sentence is one sentence of a turn.
type Sentence struct {
	Span
	// Question is how much the sentence reads as a question, in [0, 1],
	// rounded to three decimals.
	Question float64 `json:"question"`
}

// A Turn is a stretch of speech by one party.
type Turn struct {
	// Index is the turn's position in the conversation, from 0.
	Index int `json:"index"`
	// Speaker is the ID of the speaker (see [speaker.Speaker]).
	Speaker string `json:"speaker"`
	// Role is the speaker's role: [speaker.Interviewer] or [speaker.Guest].
	Role speaker.Role `json:"role"`
	Span
	// StartTime and EndTime are when the turn starts and ends, in seconds
	// from the start of the recording, when the input had times (a
	// subtitle or Whisper file, a transcript written with its times);
	// zero otherwise.
	StartTime float64 `json:"start_time,omitempty"`
	EndTime   float64 `json:"end_time,omitempty"`
	// Teaser reports that the turn is part of the cold open: clips from
	// later in the conversation played before the interview starts. It
	// is set when more than half of the turn's bytes lie inside the cold
	// open, so a turn that straddles its end goes with the side that holds
	// most of it. Turns are not split at the end of the cold open.
	Teaser bool `json:"teaser,omitempty"`
	// Text is input[Start:End] with any noise spans inside it left out.
	Text string `json:"text"`
	// Confidence is how sure the decoder is of the role of this turn's
	// words, in [0, 1]: the mean posterior probability of its segments'
	// role, weighted by their length.
	Confidence float64 `json:"confidence"`
	// Cues name the evidence that started the turn. [Group] sets an empty,
	// non-nil slice when there is none, so that the JSON form is [].
	Cues []Cue `json:"cues"`
	// Sentences are the turn's sentences in order.
	Sentences []Sentence `json:"sentences"`
	// Explanation, when not nil, says why the turn is where it is. Only
	// parsers asked to explain set it (see [Decoder.Explain]).
	Explanation *Explanation `json:"explain,omitempty"`
}
