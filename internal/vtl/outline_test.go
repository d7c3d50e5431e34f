package vtl

import (
	"fmt"
	"strings"
)

// outline renders the tree below n, one node per line in Walk order,
// indented by depth: the node type, its span as line:column, and a detail
// (text value, name, operator or literal). The Template itself is omitted.
func outline(n Node) []string {
	var out []string
	var visit func(n Node, depth int)
	visit = func(n Node, depth int) {
		for _, c := range children(n) {
			out = append(out, strings.Repeat("  ", depth)+describe(c))
			visit(c, depth+1)
		}
	}
	visit(n, 0)
	return out
}

func describe(n Node) string {
	s := fmt.Sprintf("%s %v-%v", strings.TrimPrefix(fmt.Sprintf("%T", n), "*vtl."), n.Pos(), n.End())
	switch n := n.(type) {
	case *Text:
		s += fmt.Sprintf(" %q", n.Value)
	case *Comment:
		if n.Block {
			s += " block"
		}
		s += fmt.Sprintf(" %q", n.Text)
	case *Unparsed:
		s += fmt.Sprintf(" %q", n.Value)
	case *Reference:
		s += " " + n.Path()
		if n.Quiet {
			s += " quiet"
		}
		if n.Braced {
			s += " braced"
		}
	case *Property:
		s += " " + n.Name
	case *Method:
		s += " " + n.Name + "()"
	case *IfBranch:
		if n.ElseIf {
			s += " elseif"
		}
	case *Macro:
		s += " " + n.Name
	case *MacroCall:
		s += " " + n.Name
		if n.Block {
			s += " block"
		}
	case *Directive:
		s += " " + n.Name
	case *StringLit:
		s += fmt.Sprintf(" %c%s", n.Quote, n.Value)
		if n.Interpolated {
			s += " interpolated"
		}
	case *NumberLit:
		if n.IsFloat {
			s += fmt.Sprintf(" float %v", n.Float)
		} else {
			s += fmt.Sprintf(" int %d", n.Int)
		}
	case *BoolLit:
		s += fmt.Sprintf(" %v", n.Value)
	case *Binary:
		s += " " + n.Op.String()
	case *Unary:
		s += " " + n.Op.String()
	}
	return s
}
