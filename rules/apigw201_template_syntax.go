package rules

import (
	"regexp"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW201 template-syntax: a mapping template does not parse.
//
// API Gateway runs mapping templates with Apache Velocity 1.7. A template
// that Velocity cannot parse (an #if, #foreach or #macro without its #end,
// a stray #end, unbalanced parentheses or quotes in a directive) is accepted
// when the API is deployed, and every request that selects it fails with a
// 500 "Internal server error" (the execution log shows "Unable to transform
// request" or "Execution failed due to configuration error").
//
// Each syntax error is reported at its exact position, also inside a
// template embedded in an OpenAPI, CloudFormation or Terraform file. The
// parser recovers after an error, so one template can have several findings;
// fix the first one first.
//
// A CloudFormation substitution such as `${AWS::Region}`, which Velocity
// cannot parse, is not reported: in a document that goes through `Fn::Sub`
// it is replaced before API Gateway sees the template, and whether it does
// cannot be told from the OpenAPI file alone.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html
// https://velocity.apache.org/engine/1.7/vtl-reference.html
var TemplateSyntax = &Rule{
	ID:       "APIGW201",
	Name:     "template-syntax",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "templates"},
	Check:    checkTemplateSyntax,
}

func checkTemplateSyntax(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		src := t.Body.Literal
		for _, e := range t.Errs {
			if cfnMarker.MatchString(src[e.Pos.Offset:]) {
				continue
			}
			p.Reportf(t.Span(e.Pos, e.End), "mapping template does not parse: %s; requests that select it fail with 500, fix the template", e.Msg)
		}
	})
	return nil
}

// cfnMarker matches a CloudFormation pseudo parameter substitution at the
// start of a syntax error.
var cfnMarker = regexp.MustCompile(`^\$\{[A-Za-z0-9]+::[A-Za-z0-9]+\}`)
