package rules

import "github.com/apigw-lint/apigw-lint/internal/model"

// APIGW102 unreachable-status-pattern: a selection pattern on an HTTP or AWS integration matches no status code 100–599.
//
// For HTTP, AWS service and MOCK integrations the selection pattern is matched
// against the backend's status code as text ("404"), in full. A pattern that
// matches none of 100–599, such as `40` or `.*Error.*`, can never select its
// response: the response it guards is dead configuration, and the codes it was
// meant for go to the default response.
//
// Write the pattern for the status code, e.g. `4\d{2}` for every 4xx.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
var UnreachableStatusPattern = &Rule{
	ID:       "APIGW102",
	Name:     "unreachable-status-pattern",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "selection-pattern"},
	Check:    checkUnreachableStatusPattern,
}

func checkUnreachableStatusPattern(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.Subject != model.SubjectStatusCode {
			return
		}
		for _, r := range in.Responses {
			src, ok := patternOf(r)
			if !ok {
				continue
			}
			if codes, ok := p.Patterns.StatusCodes(src); ok && len(codes) == 0 {
				p.Reportf(r.Pattern.Range, "selection pattern %s matches no status code 100–599 (it is matched against the whole backend status code), so this response is never chosen; match the status code, e.g. \"4\\d{2}\"", show(src))
			}
		}
	})
	return nil
}
