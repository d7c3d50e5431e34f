package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW203 override-wrong-side: a request override in a response template, or a response override in a request template.
//
// `$context.requestOverride.{header,path,querystring}.<name>` changes the
// integration request and takes effect only in an integration request
// template; `$context.responseOverride.{header.<name>,status}` changes the
// method response and takes effect only in an integration response
// template. Set on the other side, the override is silently ignored: the
// header, path parameter or status the template meant to change keeps its
// value.
//
// Move the override to the template of the other side. Standalone .vtl
// files are not checked, since their side is not known.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
var OverrideWrongSide = &Rule{
	ID:       "APIGW203",
	Name:     "override-wrong-side",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "templates"},
	Check:    checkOverrideWrongSide,
}

func checkOverrideWrongSide(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		var wrong, side, other string
		switch t.Side {
		case model.SideRequest:
			wrong, side, other = "responseOverride", "request", "integration response"
		case model.SideResponse:
			wrong, side, other = "requestOverride", "response", "integration request"
		default:
			return
		}
		vtl.Walk(t.Tree, func(n vtl.Node) bool {
			r, ok := n.(*vtl.Reference)
			if !ok || r.Name != "context" || len(r.Parts) == 0 {
				return true
			}
			if name, ok := r.Parts[0].(*vtl.Property); ok && name.Name == wrong {
				p.Reportf(t.Node(r), "%q has no effect in a %s template; set it in the %s template", "$"+r.Path(), side, other)
			}
			return true
		})
	})
	return nil
}
