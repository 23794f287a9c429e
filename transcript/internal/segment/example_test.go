package segment_test

import (
	"fmt"

	"github.com/textdiarize/diarize/transcript/internal/segment"
)

func ExampleSplit() {
	src := []byte(`Welcome, Dr. Chen. Thanks! I moved to the U.S. in 2015... and then -- Honestly? It was e.g. the compute.`)
	for _, s := range segment.Split(src, nil) {
		fmt.Printf("%d:%d %q\n", s.Start, s.End, src[s.Start:s.End])
	}
	// Output:
	// 0:18 "Welcome, Dr. Chen."
	// 19:26 "Thanks!"
	// 27:69 "I moved to the U.S. in 2015... and then --"
	// 70:79 "Honestly?"
	// 80:104 "It was e.g. the compute."
}
