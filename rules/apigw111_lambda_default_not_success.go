package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW111 lambda-default-not-success: the default response of a Lambda custom integration is not 2xx.
//
// A successful Lambda invocation has no error message, so no selection
// pattern that needs one matches it: every success takes the default
// integration response. When that response is mapped to a 4xx or 5xx method
// response, every successful call is returned to the client as an error. A
// 3xx default (a redirect endpoint) is not reported.
//
// Map the default response to 200 (or another 2xx) and route errors with
// selection patterns.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
var LambdaDefaultNotSuccess = &Rule{
	ID:       "APIGW111",
	Name:     "lambda-default-not-success",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "lambda"},
	Check:    checkLambdaDefaultNotSuccess,
}

func checkLambdaDefaultNotSuccess(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.Subject != model.SubjectErrorMessage {
			return
		}
		for _, r := range in.Responses {
			if !r.IsDefault() {
				continue
			}
			if s, ok := r.Status(); ok && s >= 400 {
				p.Reportf(r.StatusCode.RangeOr(r.Range), "the default response of this Lambda integration returns %d, and every successful invocation takes the default (a success has no error message): all successful calls reach clients as %d; map the default to 200 and route errors with selection patterns", s, s)
			}
			return
		}
	})
	return nil
}
