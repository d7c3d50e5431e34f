package javaregex

import (
	"errors"
	"fmt"
	"strings"
)

// A SyntaxError is what java.util.regex.Pattern would throw: Desc like
// "Unclosed group", Index is 0-based into Pattern.
//
// Like PatternSyntaxException.getIndex(), Index counts code points (runes)
// of the pattern after Java's \Q...\E pre-processing, and is -1 when Java
// reports no position. See
// https://docs.oracle.com/javase/8/docs/api/java/util/regex/PatternSyntaxException.html.
type SyntaxError struct {
	Pattern string
	Desc    string
	Index   int
}

// Error formats the error the way PatternSyntaxException.getMessage() does,
// on a single line.
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString(e.Desc)
	if e.Index >= 0 {
		fmt.Fprintf(&b, " near index %d", e.Index)
	}
	b.WriteString(": ")
	b.WriteString(e.Pattern)
	return b.String()
}

// ErrTimeout is returned (possibly wrapped) by Matches and the analyses that
// match when a match takes longer than the pattern's match timeout, as with
// catastrophic backtracking.
var ErrTimeout = errors.New("javaregex: match timeout")

// errInternal reports a bug in this package rather than in the pattern.
type errInternal struct{ v any }

func (e errInternal) Error() string { return fmt.Sprintf("javaregex: internal error: %v", e.v) }
