package score

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// SeedID is the ID of the corpus's seed transcript, the real automatic
// transcript the project started from. A [Table] reports it on its own
// and leaves it out of the means.
const SeedID = "seed"

// A Row is the result of one gold file.
type Row struct {
	ID      string
	Variant string
	Result
}

// A Mean summarizes the files of one variant, the seed left out.
type Mean struct {
	Variant string
	// Files is the number of files averaged.
	Files int
	// Acc, BF1At0 and BF1At3 are means over the files, each file weighing
	// the same.
	Acc, BF1At0, BF1At3 float64
	// Pooled is the word accuracy over all the files' speech tokens taken
	// together, so that long files weigh more.
	Pooled float64
}

// A Table collects the results of a corpus file by file. The zero value
// is an empty table ready to use.
type Table struct {
	Rows []Row
}

// Add appends the result r of the gold file g.
func (t *Table) Add(g *Gold, r Result) {
	t.Rows = append(t.Rows, Row{ID: g.ID, Variant: g.Variant, Result: r})
}

// Seed returns the row of the seed transcript ([SeedID]), if present.
func (t *Table) Seed() (Row, bool) {
	i := slices.IndexFunc(t.Rows, func(r Row) bool { return r.ID == SeedID })
	if i < 0 {
		return Row{}, false
	}
	return t.Rows[i], true
}

// Variants returns the variants of the rows other than the seed: "flat"
// and "asr" first, then any others in sorted order.
func (t *Table) Variants() []string {
	var vs []string
	for _, r := range t.Rows {
		if r.ID != SeedID && !slices.Contains(vs, r.Variant) {
			vs = append(vs, r.Variant)
		}
	}
	rank := func(v string) int {
		switch v {
		case "flat":
			return 0
		case "asr":
			return 1
		}
		return 2
	}
	slices.SortFunc(vs, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
	return vs
}

// Mean returns the mean over the files of variant, the seed left out, and
// false if there are none.
func (t *Table) Mean(variant string) (Mean, bool) {
	m := Mean{Variant: variant}
	var correct, tokens int
	for _, r := range t.Rows {
		if r.ID == SeedID || r.Variant != variant {
			continue
		}
		m.Files++
		m.Acc += r.Acc
		m.BF1At0 += r.B0.F1
		m.BF1At3 += r.B3.F1
		correct += r.Correct
		tokens += r.Tokens
	}
	if m.Files == 0 {
		return Mean{}, false
	}
	n := float64(m.Files)
	m.Acc /= n
	m.BF1At0 /= n
	m.BF1At3 /= n
	m.Pooled = ratio(correct, max(1, tokens))
	return m, true
}

// Pooled returns the word accuracy over the speech tokens of all the
// files, the seed included.
func (t *Table) Pooled() float64 {
	var correct, tokens int
	for _, r := range t.Rows {
		correct += r.Correct
		tokens += r.Tokens
	}
	return ratio(correct, max(1, tokens))
}

// WriteTo writes the table as aligned text: a row per file, the mean of
// each variant with its pooled word accuracy, the seed again, and the
// pooled word accuracy of all the files.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	row := func(r Row) {
		noise := "-"
		if r.NoiseRecall != nil {
			noise = fmt.Sprintf("%.3f", *r.NoiseRecall)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d/%d\t%s\n",
			r.ID, r.Variant, r.Acc, r.B0.F1, r.B3.F1, r.PredTurns, r.GoldTurns, noise)
	}
	fmt.Fprintf(tw, "file\tvariant\tacc\tbF1@0\tbF1@3\tturns\tnoiseR\n")
	for _, r := range t.Rows {
		row(r)
	}
	for _, v := range t.Variants() {
		m, _ := t.Mean(v)
		fmt.Fprintf(tw, "mean (n=%d)\t%s\t%.3f\t%.3f\t%.3f\t\t\tpooled acc %.3f\n",
			m.Files, v, m.Acc, m.BF1At0, m.BF1At3, m.Pooled)
	}
	if r, ok := t.Seed(); ok {
		row(r)
	}
	fmt.Fprintf(tw, "all (n=%d)\t\t\t\t\t\t\tpooled acc %.3f\n", len(t.Rows), t.Pooled())
	if err := tw.Flush(); err != nil {
		return 0, err
	}
	// tabwriter pads the empty cells of the last lines; trim them.
	var out bytes.Buffer
	for line := range bytes.Lines(buf.Bytes()) {
		out.Write(bytes.TrimRight(line, " \n"))
		out.WriteByte('\n')
	}
	return out.WriteTo(w)
}

// String returns the table as [Table.WriteTo] writes it.
func (t *Table) String() string {
	var b strings.Builder
	t.WriteTo(&b)
	return b.String()
}
