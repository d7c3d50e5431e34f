package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW114 no-integration-responses: a non-proxy integration of a REST API has no integration responses at all.
//
// A non-proxy integration (AWS, HTTP or MOCK) does not pass the backend's
// response through: API Gateway picks an integration response by its
// selection pattern, or the default one. With none configured, no response
// matches and there is no default, so every call fails with a 500
// configuration error ("No match for output mapping and no default output
// mapping configured"), even when the backend succeeded. AWS: "For
// non-proxy integrations, you must set up at least one integration
// response, and make it the default response".
//
// The API and CloudFormation do not add a default response for you (only
// the console does), and neither does an OpenAPI import: an
// `x-amazon-apigateway-integration` of type `aws`, `http` or `mock` without
// `responses` fails the same way, so OpenAPI documents are checked too.
// HTTP APIs have no integration responses, and on WebSocket APIs they are
// optional (a route without them sends no response), so only REST APIs are
// checked; a list that is not fully known (an `Fn::If`, an unresolved
// Terraform reference) is not reported.
//
// Add a default integration response (no selection pattern) mapped to a
// declared method response, e.g. status 200.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
var NoIntegrationResponses = &Rule{
	ID:       "APIGW114",
	Name:     "no-integration-responses",
	Severity: model.SeverityError,
	Tags:     []string{"correctness"},
	Check:    checkNoIntegrationResponses,
}

func checkNoIntegrationResponses(p *Pass) error {
	p.Project.Methods(func(a *model.API, m *model.Method) {
		in := m.Integration
		if in == nil || a.Kind != model.KindREST || !in.ResponsesKnown || len(in.Responses) > 0 {
			return
		}
		switch typ := in.TypeName(); typ {
		case model.IntegrationAWS, model.IntegrationHTTP, model.IntegrationMock:
			p.Reportf(in.Range, "the %s integration of %s %s has no integration responses: no response matches and there is no default, so every call fails with a 500 configuration error; add a default integration response (no selection pattern) mapped to a method response such as 200",
				typ, m.Verb, m.Path)
		}
	})
	return nil
}
