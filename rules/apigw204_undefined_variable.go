package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW204 undefined-variable: a template uses a variable that it never sets and that API Gateway does not define.
//
// API Gateway gives mapping templates `$input`, `$util`, `$context` and
// `$stageVariables`; everything else must be set in the template (`#set`),
// be a `#foreach` variable (with `$foreach`, `$velocityCount` and
// `$velocityHasNext` inside the loop), a macro parameter or a `#define`
// name. Velocity renders an undefined reference as its own source text, so
// `"name": "$naem"` sends the literal `$naem` to the backend, and a quiet
// `$!naem` sends nothing; both are usually a typo or a `#set` that was
// removed.
//
// The check is per template and ignores order: a variable set anywhere in
// the template counts as defined everywhere in it. A variable that is only
// tested (`#if($x)`) is reported as well: the test is always false, which
// is rarely what was meant. Only the first use of each name is reported.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
// https://velocity.apache.org/engine/1.7/user-guide.html#references
var UndefinedVariable = &Rule{
	ID:       "APIGW204",
	Name:     "undefined-variable",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "templates"},
	Check:    checkUndefinedVariable,
}

// loopNames are defined by Velocity inside a #foreach body.
var loopNames = map[string]bool{"foreach": true, "velocityCount": true, "velocityHasNext": true}

func checkUndefinedVariable(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		b := bindingsOf(t.Tree)
		seen := map[string]bool{}
		vtl.Walk(t.Tree, func(n vtl.Node) bool {
			r, ok := n.(*vtl.Reference)
			if !ok {
				return true
			}
			name := r.Name
			if cfnMarker.MatchString(t.Body.Literal[r.Pos().Offset:]) || vtl.Roots[name] || loopNames[name] || b.names[name] || seen[name] {
				return true
			}
			seen[name] = true
			end := r.End()
			if len(r.Parts) > 0 {
				end = r.Parts[0].Pos()
			}
			p.Reportf(t.Span(r.Pos(), end), "variable %q is never set in the template, and Velocity renders it as its own text; #set it or fix the name", "$"+name)
			return true
		})
	})
	return nil
}
