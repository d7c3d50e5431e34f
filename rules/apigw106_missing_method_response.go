package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW106 missing-method-response: an integration response's status code has no method response with that code.
//
// An integration response maps a backend outcome to one of the method's
// declared responses. When the method declares no response with that status
// code, API Gateway accepts the configuration, and every call routed there
// fails at run time with a 500: "Execution failed due to configuration error:
// Output mapping refers to an invalid method response".
//
// Declare the status code in the method's responses (OpenAPI `responses`,
// Terraform `aws_api_gateway_method_response`), or map to a declared one.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
var MissingMethodResponse = &Rule{
	ID:       "APIGW106",
	Name:     "missing-method-response",
	Severity: model.SeverityError,
	Tags:     []string{"correctness"},
	Check:    checkMissingMethodResponse,
}

func checkMissingMethodResponse(p *Pass) error {
	p.Project.Integrations(func(m *model.Method, in *model.Integration) {
		if in.Subject == model.SubjectNone || !m.ResponsesKnown {
			return
		}
		declared := map[int]bool{}
		for _, mr := range m.Responses {
			s, ok := mr.StatusCode.Get()
			if !ok {
				return // an unknown method response may be the one
			}
			code, ok := model.StatusOf(mr.StatusCode)
			if !ok {
				if s == "default" {
					return
				}
				continue
			}
			declared[code] = true
		}
		for _, r := range in.Responses {
			code, ok := r.Status()
			if !ok || declared[code] {
				continue
			}
			p.Reportf(r.StatusCode.RangeOr(r.Range), "integration response maps to status %d, but %s %s declares no %d method response: calls routed here fail with 500 \"Output mapping refers to an invalid method response\"; declare the %d response on the method",
				code, m.Verb, m.Path, code, code)
		}
	})
	return nil
}
