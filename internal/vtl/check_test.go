package vtl

import (
	"fmt"
	"unicode/utf8"
)

// positionTable maps every rune boundary offset of src (and len(src)) to the
// line and column that Pos must carry there.
type positionTable struct {
	line, col []int // indexed by offset; 0 marks a non-boundary offset
}

func newPositionTable(src string) positionTable {
	t := positionTable{line: make([]int, len(src)+1), col: make([]int, len(src)+1)}
	line, col := 1, 1
	for i := 0; i < len(src); {
		t.line[i], t.col[i] = line, col
		_, size := utf8.DecodeRuneInString(src[i:])
		if src[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	t.line[len(src)], t.col[len(src)] = line, col
	return t
}

func (t positionTable) check(p Pos) error {
	if p.Offset < 0 || p.Offset >= len(t.line) {
		return fmt.Errorf("offset %d outside source of %d bytes", p.Offset, len(t.line)-1)
	}
	if t.line[p.Offset] == 0 {
		return fmt.Errorf("offset %d is inside a UTF-8 sequence", p.Offset)
	}
	if p.Line != t.line[p.Offset] || p.Column != t.col[p.Offset] {
		return fmt.Errorf("offset %d is %d:%d, but Pos says %d:%d", p.Offset, t.line[p.Offset], t.col[p.Offset], p.Line, p.Column)
	}
	return nil
}

func (t positionTable) checkSpan(what string, start, end Pos) error {
	if err := t.check(start); err != nil {
		return fmt.Errorf("%s start: %w", what, err)
	}
	if err := t.check(end); err != nil {
		return fmt.Errorf("%s end: %w", what, err)
	}
	if start.Offset > end.Offset {
		return fmt.Errorf("%s starts at %d after its end %d", what, start.Offset, end.Offset)
	}
	return nil
}

// children returns the nodes Walk visits directly below n.
func children(n Node) []Node {
	var cs []Node
	Walk(n, func(m Node) bool {
		if m == n {
			return true
		}
		cs = append(cs, m)
		return false
	})
	return cs
}

// checkTree verifies the invariants every parse result must satisfy: valid
// positions with exact line and column, and children inside their parent.
func checkTree(src string, tpl *Template, errs []*Error) error {
	t := newPositionTable(src)
	if tpl == nil {
		return fmt.Errorf("nil template")
	}
	if tpl.Start != (Pos{0, 1, 1}) || tpl.Stop.Offset != len(src) {
		return fmt.Errorf("template spans %v..%d, want the whole source", tpl.Start, tpl.Stop.Offset)
	}
	for _, e := range errs {
		if err := t.checkSpan(fmt.Sprintf("error %q", e.Msg), e.Pos, e.End); err != nil {
			return err
		}
	}
	var visit func(n Node) error
	visit = func(n Node) error {
		what := fmt.Sprintf("%T at %v", n, n.Pos())
		if err := t.checkSpan(what, n.Pos(), n.End()); err != nil {
			return err
		}
		for _, c := range children(n) {
			if c.Pos().Offset < n.Pos().Offset || c.End().Offset > n.End().Offset {
				return fmt.Errorf("%T %d..%d is outside its parent %s..%d", c, c.Pos().Offset, c.End().Offset, what, n.End().Offset)
			}
			if err := visit(c); err != nil {
				return err
			}
		}
		return nil
	}
	return visit(tpl)
}
