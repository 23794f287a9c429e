package transcript

import (
	"errors"
	"fmt"
)

// Errors that Parse reports, wrapped in an [*Error] that gives their
// position. Test for them with [errors.Is].
var (
	// ErrEmpty reports input with no speech at all: empty, or only white
	// space.
	ErrEmpty = errors.New("no text: the input is empty or only white space")
	// ErrInvalidUTF8 reports a byte sequence that is not UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrBinary reports a NUL byte or another ASCII control character
	// (U+0000 to U+001F, U+007F) that does not occur in text, a sign of
	// binary data: tab, newline, carriage return, vertical tab and form
	// feed are text.
	ErrBinary = errors.New("binary data: control character")
	// ErrTooLarge reports input over the parser's size limit.
	ErrTooLarge = errors.New("input too large")
)

// An Error is a problem with the input at a position.
//
// Offset is a byte offset into the input; Line and Column are 1-based and
// Column counts bytes, as in go/token.
type Error struct {
	Offset int
	Line   int
	Column int
	// Err is the cause: one of the sentinels, such as [ErrInvalidUTF8],
	// or an error that wraps one with details (the byte, the limit).
	// Test it with [errors.Is].
	Err error
}

// Error returns "transcript: LINE:COLUMN: MESSAGE (byte OFFSET)".
func (e *Error) Error() string {
	return fmt.Sprintf("transcript: %d:%d: %v (byte %d)", e.Line, e.Column, e.Err, e.Offset)
}

// Unwrap returns e.Err, so that [errors.Is] finds the sentinel, such as
// [ErrInvalidUTF8], through it.
func (e *Error) Unwrap() error { return e.Err }

// errorAt builds an *Error at offset in src.
func errorAt(src []byte, offset int, err error) *Error {
	p := position(src, offset)
	return &Error{Offset: offset, Line: p.Line, Column: p.Column, Err: err}
}

// A Position is a byte offset with its line and column. Line and Column
// are 1-based; Column counts bytes, not runes.
type Position struct {
	Offset int
	Line   int
	Column int
}

// String returns "LINE:COLUMN".
func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

func position(src []byte, offset int) Position {
	offset = max(0, min(offset, len(src)))
	line, col := 1, 1
	last := -1
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			last = i
		}
	}
	col = offset - last
	return Position{Offset: offset, Line: line, Column: col}
}
