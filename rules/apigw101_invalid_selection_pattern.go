package rules

import (
	"errors"

	"github.com/apigw-lint/apigw-lint/internal/javaregex"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW101 invalid-selection-pattern: a selection pattern is not a valid Java regular expression.
//
// API Gateway reads selection patterns as Java regular expressions
// (java.util.regex.Pattern). A pattern that Java rejects, such as `4\d{2`
// ("Unclosed counted closure") or `a{,3}` ("Illegal repetition"), is refused
// when the API is imported or deployed, or never matches. Go's and .NET's
// regex engines accept some of these, so apigw-lint parses the pattern with
// Java's own grammar.
//
// Fix the pattern; remember that it is matched against the whole status code
// (HTTP and AWS integrations) or the whole Lambda error message.
//
// https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html
var InvalidSelectionPattern = &Rule{
	ID:       "APIGW101",
	Name:     "invalid-selection-pattern",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "selection-pattern"},
	Check:    checkInvalidSelectionPattern,
}

func checkInvalidSelectionPattern(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		for _, r := range in.Responses {
			src, ok := patternOf(r)
			if !ok {
				continue
			}
			if _, err := p.Patterns.Compile(src); err != nil {
				var se *javaregex.SyntaxError
				desc := err.Error()
				if errors.As(err, &se) {
					desc = se.Desc
					if se.Index >= 0 {
						p.Reportf(r.Pattern.Range, "selection pattern %s is not a valid Java regex: %s near index %d; fix the pattern", show(src), desc, se.Index)
						continue
					}
				}
				p.Reportf(r.Pattern.Range, "selection pattern %s is not a valid Java regex: %s; fix the pattern", show(src), desc)
			}
		}
	})
	return nil
}
