package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/textdiarize/diarize/transcript"
)

// writeSummary writes what each party did as a table, the transcript's
// confidence, then the interviewer's questions with their line and
// column:
//
//	speaker  role         name        words  share  turns  questions  mean turn  longest turn
//	S1       interviewer  -             812  18.9%     41         37       19.8            95
//	…
func writeSummary(w io.Writer, tr *transcript.Transcript) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "speaker\trole\tname\twords\tshare\tturns\tquestions\tmean turn\tlongest turn")
	for _, s := range tr.Speakers {
		name := s.Name
		if name == "" {
			name = "-"
		}
		if len(s.Variants) > 0 {
			name += " (also " + strings.Join(s.Variants, ", ") + ")"
		}
		st := s.Stats
		if st == nil {
			fmt.Fprintf(tw, "%s\t%s\t%s\t\t\t\t\t\t\n", s.ID, s.Role, name)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.1f%%\t%d\t%d\t%.1f\t%d\n",
			s.ID, s.Role, name, st.Words, st.Share*100, st.Turns, st.Questions, st.MeanTurnWords, st.LongestTurnWords)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nConfidence %.3f: the share of the words expected to be given to the right speaker.\n", tr.Confidence)
	fmt.Fprintf(w, "\nThe interviewer's questions (%d):\n", len(tr.Questions))
	for _, q := range tr.Questions {
		p := tr.Position(q.Start)
		if _, err := fmt.Fprintf(w, "%d:%d\t%s\n", p.Line, p.Column, strings.Join(strings.Fields(q.Text), " ")); err != nil {
			return err
		}
	}
	return nil
}
