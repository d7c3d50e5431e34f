package vtl

// Walk traverses the tree rooted at n in depth-first source order, like
// go/ast.Inspect: it calls fn(n) and, if fn returns true, walks each child.
// It visits every node, including expressions inside directive headers,
// reference parts and method arguments, map entries, and the nodes of
// interpolated string literals. Nil nodes are skipped.
func Walk(n Node, fn func(Node) bool) {
	if isNil(n) || !fn(n) {
		return
	}
	switch n := n.(type) {
	case *Template:
		walkNodes(n.Nodes, fn)
	case *Reference:
		for _, p := range n.Parts {
			Walk(p, fn)
		}
	case *Method:
		walkExprs(n.Args, fn)
	case *Index:
		Walk(n.Index, fn)
	case *Set:
		walkRef(n.Target, fn)
		Walk(n.Value, fn)
	case *If:
		for _, b := range n.Branches {
			Walk(b, fn)
		}
		if n.Else != nil {
			Walk(n.Else, fn)
		}
	case *IfBranch:
		Walk(n.Cond, fn)
		walkNodes(n.Body, fn)
	case *ElseBranch:
		walkNodes(n.Body, fn)
	case *Foreach:
		walkRef(n.Var, fn)
		Walk(n.Iter, fn)
		walkNodes(n.Body, fn)
	case *Break:
		walkExprs(n.Args, fn)
	case *Stop:
		walkExprs(n.Args, fn)
	case *Define:
		walkRef(n.Target, fn)
		walkNodes(n.Body, fn)
	case *Macro:
		for _, p := range n.Params {
			walkRef(p, fn)
		}
		walkNodes(n.Body, fn)
	case *MacroCall:
		walkExprs(n.Args, fn)
		walkNodes(n.Body, fn)
	case *Directive:
		walkExprs(n.Args, fn)
	case *StringLit:
		walkNodes(n.Parts, fn)
	case *ListLit:
		walkExprs(n.Elems, fn)
	case *MapLit:
		for _, e := range n.Entries {
			Walk(e, fn)
		}
	case *MapEntry:
		Walk(n.Key, fn)
		Walk(n.Value, fn)
	case *RangeLit:
		Walk(n.From, fn)
		Walk(n.To, fn)
	case *Binary:
		Walk(n.X, fn)
		Walk(n.Y, fn)
	case *Unary:
		Walk(n.X, fn)
	case *Paren:
		Walk(n.X, fn)
	}
}

func walkNodes(ns []Node, fn func(Node) bool) {
	for _, c := range ns {
		Walk(c, fn)
	}
}

func walkExprs(es []Expr, fn func(Node) bool) {
	for _, c := range es {
		Walk(c, fn)
	}
}

// walkRef avoids wrapping a nil *Reference in a non-nil Node interface.
func walkRef(r *Reference, fn func(Node) bool) {
	if r != nil {
		Walk(r, fn)
	}
}

// isNil reports whether n is nil or a typed nil pointer, which a partial
// tree from a malformed template may contain in an Expr field.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	switch n := n.(type) {
	case *Reference:
		return n == nil
	case *BadExpr:
		return n == nil
	}
	return false
}
