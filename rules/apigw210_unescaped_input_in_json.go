package rules

import (
	"fmt"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW210 unescaped-input-in-json: client input is written into a JSON string without $util.escapeJavaScript.
//
// A request template that builds JSON for the backend often writes request
// data between quotes: `"name": "$input.path('$.name')"`. Velocity copies
// the value as it is, so a `"` in the request ends the string early: the
// backend gets invalid JSON (a 400 or 500 from DynamoDB, SQS, Step
// Functions), or, worse, JSON with attributes the client chose
// (`x", "admin": "true`), which is an injection into the backend call.
//
// Client input is `$input.path(…)`, `$input.params(…)` (path, query string
// and header values), `$input.body`, and any variable `#set` from them or a
// `#foreach` variable over them; `$util.escapeJavaScript`, `urlEncode`,
// `base64Encode` and methods other than plain string accessors end it.
// Whether a reference is inside a JSON string is read from the template
// text around it; where `#if` branches or a `#foreach` body leave that
// unclear, nothing more is reported. Only templates whose output is JSON
// are checked: an `application/json` or `application/x-amz-json-*` request
// template, or a standalone .vtl file whose text starts with `{` or `[`.
// Response templates are not checked: there `$input` is the backend's
// output, not the client's. Nor are the request templates of MOCK
// integrations, whose output only chooses the status code.
//
// Wrap the value: `"$util.escapeJavaScript($input.path('$.name'))"`, or use
// `$input.json('$.name')` without quotes.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
var UnescapedInputInJSON = &Rule{
	ID:               "APIGW210",
	Name:             "unescaped-input-in-json",
	Severity:         model.SeverityWarning,
	Tags:             []string{"security", "templates"},
	SecuritySeverity: "6.5",
	Check:            checkUnescapedInputInJSON,
}

func checkUnescapedInputInJSON(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		if t.Side == model.SideResponse || !t.writesJSON() {
			return
		}
		if t.Method != nil && t.Method.Integration != nil && t.Method.Integration.TypeName() == model.IntegrationMock {
			return // a MOCK request template only chooses the status code
		}
		tv := taintedVars(t.Tree)
		src := t.Body.Literal
		var st jsonState
		scanJSONText(t.Tree.Nodes, &st, func(r *vtl.Reference) {
			if !tainted(r, tv, 0) {
				return
			}
			text := src[r.Pos().Offset:r.End().Offset]
			if len(text) > 60 {
				text = text[:57] + "..."
			}
			what := fmt.Sprintf("client input %q", text)
			if tv[r.Name] {
				what = fmt.Sprintf("%q, set from client input,", text)
			}
			p.Reportf(t.Node(r), "%s is written into a JSON string unescaped: a '\"' in the request breaks the JSON or adds attributes; wrap it in $util.escapeJavaScript(…)", what)
		})
	})
	return nil
}

// A jsonState is where the JSON text written so far ends: inside a string
// or not. unknown is set when template branches disagree.
type jsonState struct {
	inString, escaped, unknown bool
}

func (s *jsonState) feed(text string) {
	for i := range len(text) {
		c := text[i]
		switch {
		case s.escaped:
			s.escaped = false
		case s.inString && c == '\\':
			s.escaped = true
		case c == '"':
			s.inString = !s.inString
		}
	}
}

// scanJSONText follows the output text of nodes in source order and calls
// fn for every reference written while the output is inside a JSON string.
func scanJSONText(nodes []vtl.Node, st *jsonState, fn func(*vtl.Reference)) {
	for _, n := range nodes {
		if st.unknown {
			return
		}
		switch n := n.(type) {
		case *vtl.Text:
			st.feed(n.Value)
		case *vtl.Unparsed:
			st.feed(n.Value)
		case *vtl.Reference:
			if st.inString && !st.escaped {
				fn(n)
			}
		case *vtl.If:
			start := *st
			var ends []jsonState
			for _, b := range n.Branches {
				s := start
				scanJSONText(b.Body, &s, fn)
				ends = append(ends, s)
			}
			s := start
			if n.Else != nil {
				scanJSONText(n.Else.Body, &s, fn)
			}
			ends = append(ends, s)
			*st = ends[0]
			for _, e := range ends[1:] {
				if e != ends[0] {
					st.unknown = true
				}
			}
		case *vtl.Foreach:
			s := *st
			scanJSONText(n.Body, &s, fn)
			if s != *st {
				st.unknown = true
			}
		case *vtl.MacroCall:
			if len(n.Body) > 0 {
				st.unknown = true
			}
		}
	}
}

// taintedVars returns the variables that hold client input: set from it,
// or looping over it, to a fixed point.
func taintedVars(tree *vtl.Template) map[string]bool {
	tv := map[string]bool{}
	for changed := true; changed; {
		changed = false
		vtl.Walk(tree, func(n vtl.Node) bool {
			var name string
			var val vtl.Expr
			switch n := n.(type) {
			case *vtl.Set:
				if n.Target == nil || len(n.Target.Parts) > 0 {
					return true
				}
				name, val = n.Target.Name, n.Value
			case *vtl.Foreach:
				if n.Var == nil {
					return true
				}
				name, val = n.Var.Name, n.Iter
			default:
				return true
			}
			if !tv[name] && tainted(val, tv, 0) {
				tv[name] = true
				changed = true
			}
			return true
		})
	}
	return tv
}

// keepsTaint are the Java methods that return (part of) the value they are
// called on unchanged: a tainted string stays tainted through them.
var keepsTaint = map[string]bool{
	"get": true, "toString": true, "trim": true, "strip": true, "toLowerCase": true,
	"toUpperCase": true, "substring": true, "concat": true,
}

// tainted reports whether e's value carries client input unescaped.
func tainted(e vtl.Expr, tv map[string]bool, depth int) bool {
	if depth > 20 {
		return false
	}
	switch e := e.(type) {
	case *vtl.Reference:
		rest := e.Parts
		switch {
		case e.Name == "input" && len(e.Parts) > 0:
			name, _ := partNameOf(e.Parts[0])
			if name != "path" && name != "params" && name != "body" {
				return false
			}
			rest = e.Parts[1:]
		case e.Name == "util" && len(e.Parts) > 0:
			m, ok := e.Parts[0].(*vtl.Method)
			if !ok || m.Name != "parseJson" && m.Name != "urlDecode" && m.Name != "base64Decode" || len(m.Args) == 0 || !tainted(m.Args[0], tv, depth+1) {
				return false
			}
			rest = e.Parts[1:]
		case tv[e.Name]:
		default:
			return false
		}
		for _, p := range rest {
			if m, ok := p.(*vtl.Method); ok && !keepsTaint[m.Name] {
				return false
			}
		}
		return true
	case *vtl.StringLit:
		for _, p := range e.Parts {
			if r, ok := p.(*vtl.Reference); ok && tainted(r, tv, depth+1) {
				return true
			}
		}
	case *vtl.Binary:
		return e.Op == vtl.OpAdd && (tainted(e.X, tv, depth+1) || tainted(e.Y, tv, depth+1))
	case *vtl.Paren:
		return tainted(e.X, tv, depth+1)
	}
	return false
}

func partNameOf(p vtl.RefPart) (string, bool) {
	switch p := p.(type) {
	case *vtl.Property:
		return p.Name, true
	case *vtl.Method:
		return p.Name, true
	}
	return "", false
}
