package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW113 multiple-default-responses: a method has more than one default (pattern-less) integration response.
//
// An integration response without a selection pattern (or with an empty
// one) is the integration's default: it takes every backend outcome that no
// pattern matches. An integration has one default. CloudFormation
// (`IntegrationResponses` is a list), Terraform (one
// `aws_api_gateway_integration_response` per status code) and OpenAPI (the
// `default` key next to an empty `""` key) all let you write two; AWS
// documents no order between them, so which one answers is not under your
// control and the others are dead configuration.
//
// Give every response but one a selection pattern, e.g. `5\d{2}` for server
// errors, or remove the extra ones. A pattern that is not known (a
// parameter without default) is not a default. Proxy integrations, whose
// responses are ignored (APIGW107), are not checked.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
var MultipleDefaultResponses = &Rule{
	ID:       "APIGW113",
	Name:     "multiple-default-responses",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "selection-pattern"},
	Check:    checkMultipleDefaultResponses,
}

func checkMultipleDefaultResponses(p *Pass) error {
	p.Project.Integrations(func(m *model.Method, in *model.Integration) {
		if in.Subject == model.SubjectNone {
			return
		}
		var first *model.IntegrationResponse
		for _, r := range in.Responses {
			if !r.IsDefault() {
				continue
			}
			if first == nil {
				first = r
				continue
			}
			p.ReportRelated(r.Range, []model.Related{{Message: "the first default response", Range: first.Range}},
				"%s %s has more than one default integration response (no selection pattern): only one can be the default, which one answers is not defined, and the others are never used; give this response a selection pattern or remove it",
				m.Verb, m.Path)
		}
	})
	return nil
}
