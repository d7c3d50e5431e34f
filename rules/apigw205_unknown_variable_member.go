package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW205 unknown-variable-member: a member of $context, $input or $util that API Gateway does not define.
//
// API Gateway defines a fixed set of members on the variables it gives
// mapping templates: `$input.body`, `$input.json()`, `$input.params()`,
// `$input.path()`; `$util.escapeJavaScript()`, `parseJson()`, `urlEncode()`,
// `urlDecode()`, `base64Encode()`, `base64Decode()`; and the documented
// `$context` variables. Velocity renders an undefined member as its own
// source text (`$context.responseOverride.statusCode` is copied into the
// output verbatim) or, for a method, as the call's text, and an override
// set on an undefined member does nothing. Typical typos are
// `$util.escapeJson`, `$input.jsonpath` and
// `$context.responseOverride.statusCode`.
//
// The `$context` list is generous: it includes the variables of mapping
// templates, access logging and WebSocket APIs, any key under
// `$context.authorizer`, and any header or parameter name under the
// overrides. What follows a value (`$input.path('$').size()`,
// `$context.requestId.length()`) is a Java method of that value and is not
// checked.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
var UnknownVariableMember = &Rule{
	ID:       "APIGW205",
	Name:     "unknown-variable-member",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "templates"},
	Check:    checkUnknownVariableMember,
}

func checkUnknownVariableMember(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		vtl.Walk(t.Tree, func(n vtl.Node) bool {
			r, ok := n.(*vtl.Reference)
			if !ok {
				return true
			}
			i, path, suggestion := vtl.UnknownMember(r)
			if i < 0 {
				return true
			}
			at := t.Span(r.Pos(), r.Parts[i].End())
			if suggestion != "" {
				parent := "$" + r.Name
				for _, part := range r.Parts[:i] {
					if pr, ok := part.(*vtl.Property); ok {
						parent += "." + pr.Name
					}
				}
				p.Reportf(at, "%q is not a variable API Gateway defines, so Velocity leaves it undefined; did you mean %q?", "$"+path, parent+"."+suggestion)
				return true
			}
			p.Reportf(at, "%q is not a variable API Gateway defines, so Velocity leaves it undefined; use a documented member", "$"+path)
			return true
		})
	})
	return nil
}
