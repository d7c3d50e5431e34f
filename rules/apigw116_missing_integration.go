package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW116 missing-integration: an operation of an API Gateway export has no x-amazon-apigateway-integration.
//
// When a REST API is imported or deployed from an OpenAPI document, every
// operation needs an integration. One without fails the deployment with "No
// integration defined for method". Plain OpenAPI documents that carry no
// `x-amazon-apigateway-*` extension are not API Gateway exports and are not
// checked.
//
// Add an `x-amazon-apigateway-integration` (a `mock` one for a placeholder),
// or remove the operation.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
var MissingIntegration = &Rule{
	ID:       "APIGW116",
	Name:     "missing-integration",
	Severity: model.SeverityError,
	Tags:     []string{"correctness"},
	Check:    checkMissingIntegration,
}

func checkMissingIntegration(p *Pass) error {
	for _, a := range p.Project.APIs {
		if a.Source != model.SourceOpenAPI || !a.Export || a.Kind != model.KindREST {
			continue
		}
		for _, m := range a.Methods {
			if m.Integration == nil {
				p.Reportf(m.Range, "%s %s has no x-amazon-apigateway-integration: deploying this API fails with \"No integration defined for method\"; add an integration (type mock for a placeholder) or remove the operation", m.Verb, m.Path)
			}
		}
	}
	return nil
}
