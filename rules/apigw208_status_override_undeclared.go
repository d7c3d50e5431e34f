package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW208 status-override-undeclared: $context.responseOverride.status is set to a code the method declares no response for.
//
// An integration response template can replace the status code with
// `#set($context.responseOverride.status = 404)`. The method's responses
// declare the status codes the method returns and their headers and
// models; an override to a code the method does not declare skips them
// (no response parameters, no CORS headers of that response), and an
// integration response that maps to an undeclared status fails with 500.
//
// The status is checked when it is known (a literal, or a variable whose
// every `#set` assigns the same literal) and the method's responses are all
// known. Declare the status code as a method response.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
var StatusOverrideUndeclared = &Rule{
	ID:       "APIGW208",
	Name:     "status-override-undeclared",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "templates"},
	Check:    checkStatusOverrideUndeclared,
}

func checkStatusOverrideUndeclared(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		m := t.Method
		if t.Side != model.SideResponse || m == nil || !m.ResponsesKnown {
			return
		}
		declared := map[int]bool{}
		for _, mr := range m.Responses {
			code, ok := model.StatusOf(mr.StatusCode)
			if !ok {
				return // an unknown or "default" response may be the one
			}
			declared[code] = true
		}
		var b *bindings
		statusOverrides(t.Tree, func(s *vtl.Set) {
			if b == nil {
				b = bindingsOf(t.Tree)
			}
			val, _, ok := b.literal(s.Value)
			if !ok {
				return
			}
			code, ok := overrideStatus(val)
			if !ok || declared[code] {
				return
			}
			p.Reportf(t.Node(s.Value), "%q is set to %d, but %s %s declares no %d method response; declare the %d response on the method", "$context.responseOverride.status",
				code, m.Verb, m.Path, code, code)
		})
	})
	return nil
}
