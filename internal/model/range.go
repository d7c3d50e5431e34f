// Package model holds the one model of the API Gateway configuration that a run
// reads, and the positioned findings that rules report on it. It knows no file
// format and no rule: loaders fill it, rules read it.
package model

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// A Pos is a position in a source file. Line and Column count from 1 (Column in
// characters), Byte from 0. The fields are 32 bits wide (files are capped
// far below 2 GB): a large model holds hundreds of thousands of ranges.
type Pos struct {
	Line   int32 `json:"line"`
	Column int32 `json:"column"`
	Byte   int32 `json:"byte"`
}

// A Range is a span of a source file. End is exclusive.
type Range struct {
	Filename string `json:"filename"`
	Start    Pos    `json:"start"`
	End      Pos    `json:"end"`
}

// IsZero reports whether r was never set.
func (r Range) IsZero() bool { return r.Filename == "" && r.Start.Line == 0 }

// String formats r as file:line:column.
func (r Range) String() string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// Before orders ranges by file, line, column.
func (r Range) Before(o Range) bool {
	if r.Filename != o.Filename {
		return r.Filename < o.Filename
	}
	if r.Start.Line != o.Start.Line {
		return r.Start.Line < o.Start.Line
	}
	return r.Start.Column < o.Start.Column
}

// A LineIndex converts byte offsets of one file into positions.
type LineIndex struct {
	src    []byte
	starts []int
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src []byte) *LineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{src: src, starts: starts}
}

// Pos returns the position of byte offset off (clamped to the file).
func (ix *LineIndex) Pos(off int) Pos {
	off = max(0, min(off, len(ix.src)))
	lo, hi := 0, len(ix.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ix.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := 1 + utf8.RuneCount(ix.src[ix.starts[lo]:off])
	return Pos{Line: int32(lo + 1), Column: int32(col), Byte: int32(off)}
}

// Offset returns the byte offset of a 1-based line and column (in characters).
func (ix *LineIndex) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(ix.starts) {
		return len(ix.src)
	}
	off := ix.starts[line-1]
	for c := 1; c < col && off < len(ix.src) && ix.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(ix.src[off:])
		off += size
	}
	return off
}

// At returns the position of a 1-based line and column.
func (ix *LineIndex) At(line, col int) Pos {
	return Pos{Line: int32(line), Column: int32(col), Byte: int32(ix.Offset(line, col))}
}

// Source returns the indexed text.
func (ix *LineIndex) Source() []byte { return ix.src }

// rangeJSON is the flat JSON form of a Range: one object, not three, since
// every model element carries ranges and the policies' input is large.
type rangeJSON struct {
	Filename  string `json:"filename"`
	Line      int32  `json:"line"`
	Column    int32  `json:"column"`
	EndLine   int32  `json:"end_line"`
	EndColumn int32  `json:"end_column"`
}

// MarshalJSON writes the range as one flat object.
func (r Range) MarshalJSON() ([]byte, error) {
	return json.Marshal(rangeJSON{r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column})
}

// UnmarshalJSON reads the flat form, as policies return it.
func (r *Range) UnmarshalJSON(b []byte) error {
	var j rangeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Range{Filename: j.Filename, Start: Pos{Line: j.Line, Column: j.Column}, End: Pos{Line: j.EndLine, Column: j.EndColumn}}
	return nil
}
