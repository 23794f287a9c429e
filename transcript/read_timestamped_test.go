package transcript

import "testing"

func TestTimeLine(t *testing.T) {
	for _, tt := range []struct {
		in   string
		secs float64
		ok   bool
	}{
		{"0:05", 5, true},
		{"12:40", 760, true},
		{"1:02:03", 3723, true},
		{"100:00", 6000, true},
		{"0:5", 0, false},     // seconds take two digits
		{"0:60", 0, false},    // and are below 60
		{"1:60:00", 0, false}, // as are the minutes after an hour
		{"5", 0, false},       // a number is not a time
		{"1:02:03:04", 0, false},
		{":05", 0, false},
		{"0:05 ", 0, false}, // the caller trims
		{"0:05 so", 0, false},
		{"a:05", 0, false},
		{"", 0, false},
		{"99999999:00", 0, false}, // absurd hours
	} {
		secs, ok := timeLine([]byte(tt.in))
		if ok != tt.ok || secs != tt.secs {
			t.Errorf("timeLine(%q) = %v, %v; want %v, %v", tt.in, secs, ok, tt.secs, tt.ok)
		}
	}
}
