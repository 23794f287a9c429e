package transcript_test

import (
	"bytes"
	"errors"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/textdiarize/diarize/transcript"
)

// TestParseStringMatchesParse checks that ParseString gives what Parse
// gives for the same bytes, flat text and timed files alike (the inputs
// of the explanation tests), and that the turns' texts of a flat text
// point into the string instead of a copy.
func TestParseStringMatchesParse(t *testing.T) {
	for f, src := range explainInputs(t) {
		p := transcript.Parser{Format: transcript.Auto, Explain: true}
		want, err := p.Parse(src)
		if err != nil {
			t.Fatalf("%s: Parse: %v", f, err)
		}
		s := string(src)
		got, err := p.ParseString(s)
		if err != nil {
			t.Fatalf("%s: ParseString: %v", f, err)
		}
		var wj, gj bytes.Buffer
		if err := want.WriteJSON(&wj); err != nil {
			t.Fatal(err)
		}
		if err := got.WriteJSON(&gj); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(wj.String(), gj.String()); d != "" {
			t.Errorf("%s: ParseString differs from Parse (-Parse +ParseString):\n%s", f, d)
		}
		if transcript.Detect(src) != transcript.Text {
			continue // read through a reader: the texts are the readers' copies
		}
		lo := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		for _, tu := range got.Turns {
			p := uintptr(unsafe.Pointer(unsafe.StringData(tu.Text)))
			if tu.Text == s[tu.Start:tu.End] && (p < lo || p >= lo+uintptr(len(s))) {
				t.Errorf("%s: turn %d's text is a copy, not a substring of the input", f, tu.Index)
				break
			}
		}
	}
}

// TestParseStringErrors checks that ParseString reports bad input as
// Parse does.
func TestParseStringErrors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want error
	}{
		{"", transcript.ErrEmpty},
		{" \n\t ", transcript.ErrEmpty},
		{"Hello.\xff there.", transcript.ErrInvalidUTF8},
		{"a\x00b", transcript.ErrBinary},
	} {
		_, err := transcript.ParseString(tc.in)
		_, berr := transcript.Parse([]byte(tc.in))
		if !errors.Is(err, tc.want) {
			t.Errorf("ParseString(%q): error %v, want %v", tc.in, err, tc.want)
		}
		if err == nil || berr == nil || err.Error() != berr.Error() {
			t.Errorf("ParseString(%q): error %v, Parse gives %v", tc.in, err, berr)
		}
	}
}
