package vtl

import (
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
)

// Unknown is a value the evaluator cannot know before run time: anything
// API Gateway provides ($input, $context, $stageVariables) and anything
// computed from it. It renders as Placeholder, which is valid JSON both
// inside a string and as a value, so that only the template's own text and
// control flow decide whether the output is JSON.
type Unknown struct{}

// Placeholder is how an Unknown value renders.
const Placeholder = "0"

// ErrUndecidable is returned by Render when the output cannot be decided:
// too many branches on unknown conditions, macros, #define, #evaluate or
// #parse, or a loop that does not end.
var ErrUndecidable = errors.New("output cannot be decided")

// maxStates bounds the alternative outputs Render follows, one per
// combination of branches taken on unknown conditions.
const maxStates = 32

// maxOutput bounds an output, against templates that loop a lot.
const maxOutput = 1 << 20

// Render renders a parsed template for a representative request and
// returns every output it may produce: one per combination of #if branches
// whose condition is unknown. A #foreach over an unknown list iterates twice
// over unknown elements, so that separators ("#if($foreach.hasNext),#end")
// are exercised. Values are Go strings, int64, float64, bool, []any,
// map[string]any, nil (undefined) and Unknown.
func Render(t *Template) ([]string, error) {
	states := []*evalState{{vars: map[string]any{}}}
	states, err := evalNodes(t.Nodes, states)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(states))
	for i, s := range states {
		out[i] = s.out.String()
	}
	return out, nil
}

type evalState struct {
	vars    map[string]any
	out     strings.Builder
	stopped bool // #stop
	broken  bool // #break in the current loop
}

func (s *evalState) clone() *evalState {
	c := &evalState{vars: maps.Clone(s.vars), stopped: s.stopped, broken: s.broken}
	c.out.WriteString(s.out.String())
	return c
}

func evalNodes(nodes []Node, states []*evalState) ([]*evalState, error) {
	for _, n := range nodes {
		var next []*evalState
		for _, s := range states {
			if s.stopped || s.broken {
				next = append(next, s)
				continue
			}
			r, err := evalNode(n, s)
			if err != nil {
				return nil, err
			}
			next = append(next, r...)
		}
		if len(next) > maxStates {
			return nil, ErrUndecidable
		}
		states = next
	}
	return states, nil
}

func evalNode(n Node, s *evalState) ([]*evalState, error) {
	one := []*evalState{s}
	switch n := n.(type) {
	case *Text:
		s.out.WriteString(n.Value)
	case *Unparsed:
		s.out.WriteString(n.Value)
	case *Comment:
	case *Reference:
		v := evalRef(n, s)
		if v == nil && n.Quiet {
			break
		}
		if v == nil {
			// Velocity renders an undefined reference as its source;
			// APIGW204 reports it, so leave the output undecided here.
			return nil, ErrUndecidable
		}
		s.out.WriteString(renderValue(v))
	case *Set:
		if n.Target != nil && len(n.Target.Parts) == 0 {
			v := evalExpr(n.Value, s)
			if v != nil { // Velocity 1.7 does not set null
				s.vars[n.Target.Name] = v
			}
		}
	case *If:
		return evalIf(n, s)
	case *Foreach:
		return evalForeach(n, s)
	case *Stop:
		s.stopped = true
	case *Break:
		s.broken = true
	case *Macro:
		// A definition renders nothing; calls are undecided below.
	default: // MacroCall, Define, Directive (#parse, #include, #evaluate)
		return nil, ErrUndecidable
	}
	if s.out.Len() > maxOutput {
		return nil, ErrUndecidable
	}
	return one, nil
}

func evalIf(n *If, s *evalState) ([]*evalState, error) {
	var out []*evalState
	cur := s
	for _, b := range n.Branches {
		switch truth(evalExpr(b.Cond, cur)) {
		case yes:
			r, err := evalNodes(b.Body, []*evalState{cur})
			return append(out, r...), err
		case unknown:
			r, err := evalNodes(b.Body, []*evalState{cur.clone()})
			if err != nil {
				return nil, err
			}
			out = append(out, r...)
		}
	}
	if n.Else != nil {
		r, err := evalNodes(n.Else.Body, []*evalState{cur})
		return append(out, r...), err
	}
	return append(out, cur), nil
}

func evalForeach(n *Foreach, s *evalState) ([]*evalState, error) {
	if n.Var == nil {
		return nil, ErrUndecidable
	}
	var items []any
	switch v := evalExpr(n.Iter, s).(type) {
	case []any:
		items = v
	case map[string]any:
		for _, x := range v {
			items = append(items, x)
		}
	case Unknown:
		items = []any{Unknown{}, Unknown{}}
	case nil:
		return []*evalState{s}, nil // Velocity skips a null list
	default:
		return nil, ErrUndecidable
	}
	if len(items) > 1000 {
		return nil, ErrUndecidable
	}
	name := n.Var.Name
	// The loop variable and Velocity's loop variables are restored after
	// the loop, so that an outer loop's $foreach survives an inner loop.
	restore := []string{name, "foreach", "velocityCount", "velocityHasNext"}
	saved := map[string]any{}
	for _, k := range restore {
		if v, ok := s.vars[k]; ok {
			saved[k] = v
		}
	}
	states := []*evalState{s}
	for i, item := range items {
		for _, st := range states {
			st.vars[name] = item
			st.vars["foreach"] = map[string]any{
				"index": int64(i), "count": int64(i + 1), "hasNext": i < len(items)-1,
				"first": i == 0, "last": i == len(items)-1,
			}
			st.vars["velocityCount"] = int64(i + 1)
			st.vars["velocityHasNext"] = i < len(items)-1
		}
		var err error
		states, err = evalNodes(n.Body, states)
		if err != nil {
			return nil, err
		}
		done := true
		for _, st := range states {
			if !st.broken && !st.stopped {
				done = false
			}
		}
		if done {
			break
		}
	}
	for _, st := range states {
		st.broken = false
		for _, k := range restore {
			if v, ok := saved[k]; ok {
				st.vars[k] = v
			} else {
				delete(st.vars, k)
			}
		}
	}
	return states, nil
}

type tri int

const (
	no tri = iota
	yes
	unknown
)

// truth is Velocity 1.7's truthiness: null and false are false, every other
// value is true.
func truth(v any) tri {
	switch v := v.(type) {
	case nil:
		return no
	case bool:
		if v {
			return yes
		}
		return no
	case Unknown:
		return unknown
	}
	return yes
}

func evalExpr(e Expr, s *evalState) any {
	switch e := e.(type) {
	case *Reference:
		return evalRef(e, s)
	case *StringLit:
		if !e.Interpolated {
			return e.Value
		}
		sub := &evalState{vars: s.vars}
		if _, err := evalNodes(e.Parts, []*evalState{sub}); err != nil {
			return Unknown{}
		}
		return sub.out.String()
	case *NumberLit:
		if e.IsFloat {
			return e.Float
		}
		return e.Int
	case *BoolLit:
		return e.Value
	case *ListLit:
		l := make([]any, 0, len(e.Elems))
		for _, x := range e.Elems {
			l = append(l, evalExpr(x, s))
		}
		return l
	case *MapLit:
		m := map[string]any{}
		for _, en := range e.Entries {
			k, ok := evalExpr(en.Key, s).(string)
			if !ok {
				return Unknown{}
			}
			m[k] = evalExpr(en.Value, s)
		}
		return m
	case *RangeLit:
		from, ok1 := evalExpr(e.From, s).(int64)
		to, ok2 := evalExpr(e.To, s).(int64)
		if !ok1 || !ok2 || to-from > 1000 || from-to > 1000 {
			return Unknown{}
		}
		var l []any
		step := int64(1)
		if to < from {
			step = -1
		}
		for i := from; ; i += step {
			l = append(l, i)
			if i == to {
				break
			}
		}
		return l
	case *Paren:
		return evalExpr(e.X, s)
	case *Unary:
		switch truth(evalExpr(e.X, s)) {
		case yes:
			return false
		case no:
			return true
		}
		return Unknown{}
	case *Binary:
		return evalBinary(e, s)
	}
	return Unknown{}
}

func evalBinary(e *Binary, s *evalState) any {
	x := evalExpr(e.X, s)
	switch e.Op {
	case OpAnd:
		tx := truth(x)
		if tx == no {
			return false
		}
		ty := truth(evalExpr(e.Y, s))
		if ty == no {
			return false
		}
		if tx == yes && ty == yes {
			return true
		}
		return Unknown{}
	case OpOr:
		tx := truth(x)
		if tx == yes {
			return true
		}
		ty := truth(evalExpr(e.Y, s))
		if ty == yes {
			return true
		}
		if tx == no && ty == no {
			return false
		}
		return Unknown{}
	}
	y := evalExpr(e.Y, s)
	if _, ok := x.(Unknown); ok {
		return Unknown{}
	}
	if _, ok := y.(Unknown); ok {
		return Unknown{}
	}
	switch e.Op {
	case OpEq, OpNe:
		eq := x == nil && y == nil
		if x != nil && y != nil {
			eq = renderValue(x) == renderValue(y)
		}
		return eq == (e.Op == OpEq)
	case OpAdd:
		if xs, ok := x.(string); ok {
			return xs + renderOrSource(y)
		}
		if ys, ok := y.(string); ok {
			return renderOrSource(x) + ys
		}
	}
	xf, ok1 := number(x)
	yf, ok2 := number(y)
	if !ok1 || !ok2 {
		return Unknown{}
	}
	_, xi := x.(int64)
	_, yi := y.(int64)
	ints := xi && yi
	var r float64
	switch e.Op {
	case OpLt:
		return xf < yf
	case OpGt:
		return xf > yf
	case OpLe:
		return xf <= yf
	case OpGe:
		return xf >= yf
	case OpAdd:
		r = xf + yf
	case OpSub:
		r = xf - yf
	case OpMul:
		r = xf * yf
	case OpDiv, OpMod:
		if yf == 0 {
			return nil
		}
		if e.Op == OpMod {
			if !ints {
				return Unknown{}
			}
			return x.(int64) % y.(int64)
		}
		if ints {
			return x.(int64) / y.(int64)
		}
		r = xf / yf
	default:
		return Unknown{}
	}
	if ints {
		return int64(r)
	}
	return r
}

func number(v any) (float64, bool) {
	switch v := v.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

func renderOrSource(v any) string {
	if v == nil {
		return "null"
	}
	return renderValue(v)
}

// renderValue renders a value as Velocity's toString would.
func renderValue(v any) string {
	switch v := v.(type) {
	case Unknown:
		return Placeholder
	case string:
		return v
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = renderOrSource(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		var b strings.Builder
		b.WriteByte('{')
		first := true
		for k, x := range v {
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(k + "=" + renderOrSource(x))
		}
		b.WriteByte('}')
		return b.String()
	}
	return fmt.Sprint(v)
}

// evalRef evaluates a reference. API Gateway's variables are Unknown; the
// $util functions are applied to known strings.
func evalRef(r *Reference, s *evalState) any {
	var v any
	parts := r.Parts
	switch {
	case r.Name == "util" && len(parts) > 0:
		m, ok := parts[0].(*Method)
		if !ok || len(m.Args) != 1 {
			return Unknown{}
		}
		v = evalUtil(m.Name, evalExpr(m.Args[0], s))
		parts = parts[1:]
	case Roots[r.Name]:
		return Unknown{}
	default:
		var ok bool
		v, ok = s.vars[r.Name]
		if !ok {
			return nil
		}
	}
	for _, p := range parts {
		if _, ok := v.(Unknown); ok {
			return Unknown{}
		}
		switch p := p.(type) {
		case *Property:
			m, ok := v.(map[string]any)
			if !ok {
				return Unknown{}
			}
			v = m[p.Name]
		case *Index:
			switch c := v.(type) {
			case []any:
				i, ok := evalExpr(p.Index, s).(int64)
				if !ok {
					return Unknown{}
				}
				if i < 0 {
					i += int64(len(c))
				}
				if i < 0 || i >= int64(len(c)) {
					return nil
				}
				v = c[i]
			case map[string]any:
				k, ok := evalExpr(p.Index, s).(string)
				if !ok {
					return Unknown{}
				}
				v = c[k]
			default:
				return Unknown{}
			}
		case *Method:
			v = evalMethod(v, p, s)
		}
		if v == nil {
			return nil
		}
	}
	return v
}

// evalMethod applies the few Java methods whose result matters for the
// output's shape; any other method is Unknown.
func evalMethod(v any, m *Method, s *evalState) any {
	switch m.Name {
	case "size", "length":
		switch c := v.(type) {
		case []any:
			return int64(len(c))
		case map[string]any:
			return int64(len(c))
		case string:
			return int64(len([]rune(c)))
		}
	case "isEmpty":
		switch c := v.(type) {
		case []any:
			return len(c) == 0
		case map[string]any:
			return len(c) == 0
		case string:
			return c == ""
		}
	case "toString":
		return renderValue(v)
	case "get":
		if len(m.Args) == 1 {
			switch c := v.(type) {
			case map[string]any:
				if k, ok := evalExpr(m.Args[0], s).(string); ok {
					return c[k]
				}
			case []any:
				if i, ok := evalExpr(m.Args[0], s).(int64); ok && i >= 0 && i < int64(len(c)) {
					return c[i]
				}
			}
		}
	}
	return Unknown{}
}

func evalUtil(name string, arg any) any {
	s, ok := arg.(string)
	if !ok {
		return Unknown{}
	}
	if name == "escapeJavaScript" {
		return escapeJavaScript(s)
	}
	// urlEncode, base64Encode and the rest: the result has no quotes or
	// structure, so an Unknown placeholder renders the same shape.
	return Unknown{}
}

// escapeJavaScript follows Apache Commons Lang's StringEscapeUtils, which
// API Gateway uses: it also escapes ' and /.
func escapeJavaScript(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\'':
			b.WriteString(`\'`)
		case '\\':
			b.WriteString(`\\`)
		case '/':
			b.WriteString(`\/`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r > 0x7e {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
