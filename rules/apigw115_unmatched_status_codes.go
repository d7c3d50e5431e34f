package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW115 unmatched-status-codes: backend status codes that no selection pattern matches, on an integration without a default response.
//
// On HTTP and AWS service integrations the selection patterns are matched
// against the backend's status code. A status code that no pattern matches
// goes to the default response; when the integration has no default, the
// call fails with a 500 configuration error ("No match for output mapping
// and no default output mapping configured") instead of returning what the
// backend said. The finding names the status code ranges left unmatched.
//
// Only success (2xx) and error (4xx, 5xx) codes are counted: 1xx are
// interim responses that never reach API Gateway as a backend's final
// status, and 3xx are rare from API backends, so the usual complete set
// `2\d{2}`, `4\d{2}`, `5\d{2}` is not reported for leaving them out. On AWS
// service integrations (DynamoDB, SQS, Step Functions…) success is always
// 200, so other 2xx codes are not counted either.
//
// Add a default integration response (no selection pattern), or patterns
// that cover the missing codes. Only integrations whose every pattern is
// known and valid are checked; MOCK integrations, whose status code comes
// from the request template, and Lambda integrations, whose patterns see
// the error message (APIGW104), are not.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
var UnmatchedStatusCodes = &Rule{
	ID:       "APIGW115",
	Name:     "unmatched-status-codes",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "selection-pattern"},
	Check:    checkUnmatchedStatusCodes,
}

func checkUnmatchedStatusCodes(p *Pass) error {
	p.Project.Integrations(func(m *model.Method, in *model.Integration) {
		if in.Subject != model.SubjectStatusCode || in.TypeName() == model.IntegrationMock || len(in.Responses) == 0 {
			return
		}
		rt, ok := routeStatus(p.Patterns, in)
		if !ok {
			return
		}
		service := in.TypeName() == model.IntegrationAWS
		var missing []int
		for code := 200; code <= 599; code++ {
			if service && code > 200 && code < 300 {
				continue
			}
			if !rt.routed(code) && (code < 300 || code >= 400) {
				missing = append(missing, code)
			}
		}
		if len(missing) == 0 {
			return
		}
		for _, r := range in.Responses {
			if r.IsDefault() {
				return
			}
		}
		p.Reportf(in.Range, "backend status codes %s match no selection pattern of %s %s and there is no default response: those calls fail with a 500 configuration error; add a default integration response (no selection pattern) or patterns for them",
			formatCodes(missing), m.Verb, m.Path)
	})
	return nil
}
