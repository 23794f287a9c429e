package transcript

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadLabel(t *testing.T) {
	// A label as the test writes it: the name, the bytes the label takes,
	// and when it gives one, the time and how it is written.
	type want struct {
		Name  string
		N     int
		Alone bool
		Timed bool
		Secs  float64
		Time  string
	}
	tests := []struct {
		in     string
		alone  bool // readLabel's argument
		want   *want
		reason string
	}{
		{"Ana Lima: Hi.", false, &want{Name: "Ana Lima", N: 10}, "the untimed label, as before"},
		{"Maya Ortiz (cold open): We never stop.", false, &want{Name: "Maya Ortiz", N: 24}, "a closing remark is not part of the name"},
		{"Ana Lima:", false, nil, "an untimed label needs text after its colon, as before"},
		{"Ana Lima (00:05): Hi.", false, &want{Name: "Ana Lima", N: 18, Timed: true, Secs: 5, Time: "00:05"}, ""},
		{"Ana Lima (00:00:05): Hi.", false, &want{Name: "Ana Lima", N: 21, Timed: true, Secs: 5, Time: "00:00:05"}, ""},
		{"Ana Lima (1:02:03):", false, &want{Name: "Ana Lima", N: 19, Timed: true, Secs: 3723, Time: "1:02:03"}, "a label with a time may end its line"},
		{"Ana Lima (01:02):  ", false, &want{Name: "Ana Lima", N: 18, Timed: true, Secs: 62, Time: "01:02"}, "the rest of the line is text, blank here"},
		{"Ana Lima [00:05]: Hi.", false, &want{Name: "Ana Lima", N: 18, Timed: true, Secs: 5, Time: "00:05"}, ""},
		{"Ana Lima 00:05: Hi.", false, &want{Name: "Ana Lima", N: 16, Timed: true, Secs: 5, Time: "00:05"}, ""},
		{"Maya Ortiz (cold open) (0:05): Hi.", false, &want{Name: "Maya Ortiz", N: 31, Timed: true, Secs: 5, Time: "0:05"}, "the time, then the remark, come off the name"},
		{"[00:00:05] Ana Lima: Hi.", false, &want{Name: "Ana Lima", N: 21, Timed: true, Secs: 5, Time: "00:00:05"}, ""},
		{"(00:05) Ana Lima: Hi.", false, &want{Name: "Ana Lima", N: 18, Timed: true, Secs: 5, Time: "00:05"}, ""},
		{"00:05\tAna Lima: Hi.", false, &want{Name: "Ana Lima", N: 16, Timed: true, Secs: 5, Time: "00:05"}, ""},
		{"[00:05] Ana Lima:", false, &want{Name: "Ana Lima", N: 17, Timed: true, Secs: 5, Time: "00:05"}, ""},
		{"Ana Lima  0:00", true, &want{Name: "Ana Lima", N: 14, Alone: true, Timed: true, Secs: 0, Time: "0:00"}, "Otter's header"},
		{"Ana Lima\t12:40 ", true, &want{Name: "Ana Lima", N: 15, Alone: true, Timed: true, Secs: 760, Time: "12:40"}, ""},
		{"Ana Lima  0:00", false, nil, "a name and a time alone are a label only where the transcript starts with one"},
		{"Game 7 2:30", false, nil, "a line of text in a transcript labelled \"Name: \""},
		{"[00:05]: Hi.", false, nil, "a time is no name"},
		{"00:05: Hi.", false, nil, ""},
		{"[00:05] : Hi.", false, nil, "nor is nothing"},
		{"0:05 0:06", true, nil, ""},
		{"0:05", true, nil, "a time alone is a timestamped transcript's"},
		{"12:30 we met at noon and left", true, nil, ""},
		{"12:30 We met: at noon", false, &want{Name: "We met", N: 14, Timed: true, Secs: 750, Time: "12:30"}, "a label after all"},
		{"Ana Lima (0:5): Hi.", false, &want{Name: "Ana Lima", N: 16}, "not a time: a closing remark, as before"},
		{"Ana Lima 0:5: Hi.", false, &want{Name: "Ana Lima 0:5", N: 14}, "not a time: part of the name, as before"},
		{"ana lima  0:00", true, nil, "a name starts with a capital"},
		{"Ana Maria de Lima  0:00", true, &want{Name: "Ana Maria de Lima", N: 23, Alone: true, Timed: true, Secs: 0, Time: "0:00"}, "four words and the time"},
		{"A B C D E  0:00", true, nil, "five words are too many"},
		{"Ana Lima (0:05) Hi there.", true, nil, "no colon and text after the time"},
	}
	for _, tt := range tests {
		lb, ok := readLabel([]byte(tt.in), tt.alone)
		var got *want
		if ok {
			got = &want{Name: string(lb.name), N: lb.n, Alone: lb.alone, Timed: lb.timed, Secs: lb.secs}
			if lb.timed {
				got.Time = tt.in[lb.at:lb.end]
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("readLabel(%q, %v) mismatch (-want +got):\n%s\n%s", tt.in, tt.alone, diff, tt.reason)
		}
	}
}
