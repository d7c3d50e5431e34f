package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW209 passthrough-when-no-match: an integration with request templates passes other content types through unmapped.
//
// With `passthroughBehavior` `WHEN_NO_MATCH`, a request whose Content-Type
// matches none of the integration's request templates is sent to the
// backend as it came, untransformed. When the integration has request
// templates, the backend expects their output: a client that sends
// `text/plain` (or any type without a template) bypasses the mapping, and
// with it whatever the template enforced (fixed table names, escaping,
// fields taken from the authorizer instead of the body). With
// `WHEN_NO_TEMPLATES` or `NEVER` such a request gets 415 Unsupported Media
// Type instead.
//
// Set `passthroughBehavior` to `WHEN_NO_TEMPLATES` (or `NEVER`). Proxy
// integrations ignore the setting and MOCK integrations have no backend:
// neither is reported; an omitted setting
// is not reported either.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
var PassthroughWhenNoMatch = &Rule{
	ID:               "APIGW209",
	Name:             "passthrough-when-no-match",
	Severity:         model.SeverityWarning,
	Tags:             []string{"security", "templates"},
	SecuritySeverity: "5.3",
	Check:            checkPassthroughWhenNoMatch,
}

func checkPassthroughWhenNoMatch(p *Pass) error {
	p.Project.Integrations(func(m *model.Method, in *model.Integration) {
		if len(in.RequestTemplates) == 0 || !in.PassthroughBehavior.Is("WHEN_NO_MATCH") {
			return
		}
		switch in.TypeName() {
		case model.IntegrationAWSProxy, model.IntegrationHTTPProxy, model.IntegrationMock:
			return
		}
		p.Reportf(in.PassthroughBehavior.RangeOr(in.Range),
			"passthroughBehavior %q sends requests whose content type has no request template to the backend unmapped; set it to %q",
			"WHEN_NO_MATCH", "WHEN_NO_TEMPLATES")
	})
	return nil
}
