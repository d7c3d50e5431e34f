package rules

import "github.com/apigw-lint/apigw-lint/internal/model"

// APIGW104 lambda-errors-unmapped: a Lambda custom integration has no selection pattern that can match an error message.
//
// On a Lambda custom (non-proxy) integration, API Gateway matches selection
// patterns against the `errorMessage` of a failed invocation. With no
// pattern that can match one, every function error is returned through the
// default response, usually as `200 OK` with the error JSON as its body.
// A pattern that only matches a bare status code (`5\d{2}`) does not count:
// it is matched against the message, not a status.
//
// Add an integration response whose pattern matches your errors, e.g.
// `.*\[BadRequest\].*` → 400 and `(\n|.)+` → 500.
//
// An asynchronous invocation (X-Amz-Invocation-Type mapped to 'Event') is
// not checked: its errors never come back to API Gateway.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
var LambdaErrorsUnmapped = &Rule{
	ID:       "APIGW104",
	Name:     "lambda-errors-unmapped",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "selection-pattern", "lambda"},
	Check:    checkLambdaErrorsUnmapped,
}

func checkLambdaErrorsUnmapped(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		// No responses at all is APIGW114's: every call fails, not only
		// the errors.
		if in.Subject != model.SubjectErrorMessage || !in.ResponsesKnown || len(in.Responses) == 0 || in.Async {
			return
		}
		var def *model.IntegrationResponse
		for _, r := range in.Responses {
			if r.IsDefault() {
				if def == nil {
					def = r
				}
				continue
			}
			src, known := patternOf(r)
			if !known {
				return
			}
			if _, err := p.Patterns.Compile(src); err != nil {
				continue // APIGW101 reports it
			}
			if !statusOnly(p.Patterns, src) {
				return
			}
		}
		fix := "add an integration response with a pattern such as \".*\\[BadRequest\\].*\" or \"(\\n|.)+\" mapped to an error status"
		if def == nil {
			p.Reportf(in.Range, "no selection pattern of this Lambda integration can match an error message and there is no default response, so every function error fails with a 500 configuration error; %s", fix)
			return
		}
		code := "the default status"
		if s, ok := def.Status(); ok {
			code = itoa(s)
		}
		p.Reportf(def.Range, "no selection pattern of this Lambda integration can match an error message, so every function error is returned as %s; %s", code, fix)
	})
	return nil
}

// statusOnly reports whether a valid pattern can only match a bare status
// code: everything it matches is at most three characters, and it matches
// some code 100–599.
func statusOnly(c *Patterns, src string) bool {
	re, err := c.Compile(src)
	if err != nil {
		return false
	}
	codes, ok := c.StatusCodes(src)
	if !ok || len(codes) == 0 {
		return false
	}
	n := re.MaxLen()
	return n >= 0 && n <= 3
}
