package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW206 invalid-jsonpath: the JSONPath of $input.path or $input.json is not valid.
//
// `$input.path(x)` and `$input.json(x)` evaluate a JSONPath expression over
// the payload, with Jayway JsonPath. An invalid expression (an unclosed
// bracket or quote, a path ending in `.`, an unquoted name in brackets,
// an empty path) fails the transformation at run time with a 500 for every
// request, or a 400 "Unable to transform request" on the request side.
//
// A path that starts with neither `$` nor `@` is valid: Jayway reads `a.b`
// as `$.a.b`. Only paths written as literals are checked; a path built
// from variables is not known.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
// https://github.com/json-path/JsonPath
var InvalidJSONPath = &Rule{
	ID:       "APIGW206",
	Name:     "invalid-jsonpath",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "templates"},
	Check:    checkInvalidJSONPath,
}

func checkInvalidJSONPath(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		vtl.Walk(t.Tree, func(n vtl.Node) bool {
			r, ok := n.(*vtl.Reference)
			if !ok || r.Name != "input" || len(r.Parts) == 0 {
				return true
			}
			m, ok := r.Parts[0].(*vtl.Method)
			if !ok || m.Name != "path" && m.Name != "json" || len(m.Args) == 0 {
				return true
			}
			lit, ok := m.Args[0].(*vtl.StringLit)
			if !ok {
				return true
			}
			path, ok := stringValue(lit)
			if !ok {
				return true
			}
			err := vtl.ValidateJSONPath(path)
			if err == nil {
				return true
			}
			at := t.Node(lit)
			// Point at the offending character when the literal's text
			// is its value (no doubled quotes, no interpolation).
			if lit.End().Offset-lit.Pos().Offset == len(path)+2 && !strings.Contains(path, "\n") && err.Offset < len(path) {
				start := lit.Pos()
				start.Offset += 1 + err.Offset
				start.Column += 1 + len([]rune(path[:err.Offset]))
				at = t.Span(start, lit.End())
			}
			p.Reportf(at, "JSONPath %q in $input.%s is not valid: %s; every request fails to transform, fix the path", path, m.Name, err.Msg)
			return true
		})
	})
	return nil
}

// stringValue returns a string literal's value when it is constant: single
// quoted, or double quoted with only text inside.
func stringValue(lit *vtl.StringLit) (string, bool) {
	if !lit.Interpolated {
		return lit.Value, true
	}
	var b strings.Builder
	for _, p := range lit.Parts {
		t, ok := p.(*vtl.Text)
		if !ok {
			return "", false
		}
		b.WriteString(t.Value)
	}
	return b.String(), true
}
