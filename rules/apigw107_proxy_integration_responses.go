package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW107 proxy-integration-responses: integration responses on a proxy integration are ignored.
//
// AWS_PROXY and HTTP_PROXY integrations pass the backend's response through
// unchanged: API Gateway does not evaluate integration responses for them.
// Selection patterns, status mappings and response templates configured
// there do nothing, and readers of the configuration are misled into
// thinking errors are mapped.
//
// Remove the integration responses, or switch to a non-proxy integration if
// you need the mapping. The bare `default` → 200 response that API Gateway
// itself writes into exports is not reported.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-integration-types.html
var ProxyIntegrationResponses = &Rule{
	ID:       "APIGW107",
	Name:     "proxy-integration-responses",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness"},
	Check:    checkProxyIntegrationResponses,
}

func checkProxyIntegrationResponses(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.Subject != model.SubjectNone {
			return
		}
		for _, r := range in.Responses {
			if exportNoop(r) {
				continue
			}
			p.Reportf(r.Range, "integration response on a proxy integration (%s) is ignored: proxy integrations return the backend's response unchanged; remove it or use a non-proxy integration", in.TypeName())
		}
	})
	return nil
}

// exportNoop reports whether r is the `default: {statusCode: "200"}` entry
// that API Gateway's own export writes on proxy integrations.
func exportNoop(r *model.IntegrationResponse) bool {
	// Only OpenAPI records fields; a Terraform or CloudFormation response
	// was written by hand.
	if !r.IsDefault() || len(r.ResponseTemplates) > 0 || len(r.Fields) == 0 {
		return false
	}
	if s, ok := r.Status(); !ok || s != 200 {
		return false
	}
	for _, f := range r.Fields {
		if f.Name != "statusCode" {
			return false
		}
	}
	return true
}
