package rules

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW207 template-invalid-json: a JSON mapping template renders output that is not JSON.
//
// A template for `application/json` is meant to produce JSON: the request
// body of the integration, or the response to the client. A comma after
// the last element of a `#foreach` (no `#if($foreach.hasNext),#end`), a
// comma after the last field of an object, a missing brace or an unquoted
// literal string make the output invalid, and the backend rejects it (DynamoDB
// "SerializationException", Lambda receives a string) or the client fails to
// parse the response.
//
// The template is rendered by apigw-lint's own evaluator for a
// representative request: everything API Gateway provides (`$input`,
// `$context`, `$stageVariables`) is an unknown value that renders as `0`
// (valid inside a JSON string and as a JSON value), a `#foreach` over an
// unknown list runs twice, and an `#if` whose condition is unknown is
// followed both ways. The finding is reported when one of these renderings
// is not JSON. Since the input's types are not known, a value written
// without quotes (`"name": $input.path('$.name')`) is not reported. When
// the output cannot be decided (macros, `#parse`, an undefined variable,
// too many branches), nothing is reported. Standalone .vtl files are
// checked when their text starts with `{` or `[`.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html
var TemplateInvalidJSON = &Rule{
	ID:       "APIGW207",
	Name:     "template-invalid-json",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "templates"},
	Check:    checkTemplateInvalidJSON,
}

func checkTemplateInvalidJSON(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		if len(t.Errs) > 0 || !t.writesJSON() {
			return
		}
		if t.Side != model.SideStandalone && !isJSONContentType(t.ContentType) {
			return
		}
		outs, err := vtl.Render(t.Tree)
		if err != nil {
			return
		}
		for _, out := range outs {
			if strings.TrimSpace(out) == "" {
				continue
			}
			var v any
			err := json.Unmarshal([]byte(out), &v)
			if err == nil {
				continue
			}
			msg := err.Error()
			var se *json.SyntaxError
			if errors.As(err, &se) {
				msg += " near " + excerpt(out, int(se.Offset))
			}
			p.Reportf(t.Span(t.Tree.Pos(), t.Tree.Pos()), "%s template renders invalid JSON for a representative request (%s); check commas, braces and quotes", t.contentTypeOrFile(), msg)
			return
		}
	})
	return nil
}

func (t *tmpl) contentTypeOrFile() string {
	if t.ContentType != "" {
		return `"` + t.ContentType + `"`
	}
	return "JSON"
}

// excerpt quotes the rendered output around a byte offset, on one line.
func excerpt(s string, off int) string {
	from := max(0, off-20)
	to := min(len(s), off+5)
	x := strings.Join(strings.Fields(s[from:to]), " ")
	b, _ := json.Marshal(x)
	return string(b)
}
