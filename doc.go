// Package diarize turns a flat interview transcript — one block of
// speech-recognition text with no speaker labels — into typed, alternating
// interviewer and guest turns.
//
// The work is split into three packages that depend on each other in one
// direction:
//
//   - [github.com/textdiarize/diarize/speaker] names the parties: roles
//     (interviewer, guest) and names.
//   - [github.com/textdiarize/diarize/turn] defines spans, scored
//     segments and turns, and decodes segments into turns over the whole
//     conversation.
//   - [github.com/textdiarize/diarize/transcript] is the pipeline: input
//     checks, the readers of SRT, WebVTT, Whisper JSON, timestamped and
//     labelled transcripts (times carry through to the turns), sentence
//     segmentation, noise, scoring, decoding, and the renderers. Its entry point is [github.com/textdiarize/diarize/transcript.Parse]
//     ([github.com/textdiarize/diarize/transcript.ParseString] for a string, without a copy).
//
// [github.com/textdiarize/diarize/transcript/score] scores a parse against
// gold-labelled transcripts, as the accuracy tests and the command's -score
// flag do. The command-line tool is in examples/diarize.
//
// # Offsets
//
// Every position in the API and in the JSON output is a byte offset into
// the exact input bytes, and every range is half-open: a turn with start 3
// and end 8 holds input[3:8]. Offsets fall on UTF-8 rune boundaries. Line
// and column numbers appear only in error messages, in
// Transcript.Position and in the command's -summary; both are 1-based and
// the column counts bytes.
//
// # Invariants
//
// Turn ranges are in order and disjoint, and consecutive turns belong to
// different speakers. Noise spans (speech-recognition artifacts, spoken by
// nobody) lie between turns or inside a turn's range. Together, turns and
// noise spans cover every non-space byte of the input: nothing is dropped.
//
// # Cold open
//
// A podcast often opens with clips from later in the conversation. The
// parser reports such a cold open as a span (Transcript.Teaser, "teaser"
// in the JSON) and marks the turns mostly inside it (Turn.Teaser). A clip
// whose passage recurs later takes the speaker the decoder gave that
// passage, and the clips are not counted when the scores adapt to each
// speaker's wording: they would count their passages' words twice.
//
// # Confidence
//
// Each turn carries a confidence: the decoder's posterior probability of
// its role, averaged over its sentences weighted by their length, and
// calibrated on conversations held out of training. The transcript's
// (Transcript.Confidence, "confidence" in the JSON) weights the turns' by
// their words and estimates the share of the words given to the right
// speaker; it is lowest where the model is weakest, as in interviews
// whose host talks about as much as the guest.
package diarize
