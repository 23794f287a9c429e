package transcript

import (
	"fmt"
	"unicode/utf8"
)

// DefaultMaxBytes is the size limit of a [Parser] whose MaxBytes is zero.
const DefaultMaxBytes = 256 << 20

// check validates src as text: not over limit, valid UTF-8, no binary
// control characters, not blank. It reports the first problem found.
func check(src []byte, limit int) error {
	if len(src) > limit {
		return errorAt(src, limit, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(src), limit))
	}
	blank := true
	for i := 0; i < len(src); {
		c := src[i]
		switch byteClass[c] {
		case printable:
			blank = false
			i++
			// The common case: a run of printable ASCII and spaces.
			for i < len(src) && byteClass[src[i]] <= space {
				i++
			}
			continue
		case space:
			i++
			continue
		case control:
			return errorAt(src, i, fmt.Errorf("%w %U", ErrBinary, rune(c)))
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return errorAt(src, i, fmt.Errorf("%w: byte %#02x", ErrInvalidUTF8, c))
		}
		if blank && !isSpaceRune(r) {
			blank = false
		}
		i += n
	}
	if blank {
		return errorAt(src, 0, ErrEmpty)
	}
	return nil
}

// Byte classes for check.
const (
	printable = iota // printable ASCII
	space            // ASCII white space
	control          // a control character other than white space
	multi            // a byte of a multi-byte sequence, or invalid
)

var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = multi
		case isSpaceByte(byte(c)):
			t[c] = space
		case c < 0x20 || c == 0x7f:
			t[c] = control
		}
	}
	return t
}()

// isSpaceRune reports white space and the invisible format characters that
// carry no speech (a byte order mark, zero-width spaces).
func isSpaceRune(r rune) bool {
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}
