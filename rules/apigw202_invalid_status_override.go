package rules

import (
	"strconv"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
	"github.com/apigw-lint/apigw-lint/internal/vtl"
)

// APIGW202 invalid-status-override: $context.responseOverride.status is set to something that is not an HTTP status code.
//
// `#set($context.responseOverride.status = 400)` replaces the status code of
// the method response. API Gateway documents it with integer status codes;
// a value that is not a code from 100 to 599 (`"4xx"`, `"Bad Request"`,
// `4000`, `400.0`) makes the response fail with a 500 instead of the
// intended status.
//
// The value is checked when it is known: a number or string literal, or a
// variable whose every `#set` assigns the same literal. Anything computed at
// run time is left alone. Set the override to a three-digit status code.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
var InvalidStatusOverride = &Rule{
	ID:       "APIGW202",
	Name:     "invalid-status-override",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "templates"},
	Check:    checkInvalidStatusOverride,
}

func checkInvalidStatusOverride(p *Pass) error {
	eachTemplate(p, func(t *tmpl) {
		var b *bindings
		statusOverrides(t.Tree, func(s *vtl.Set) {
			if b == nil {
				b = bindingsOf(t.Tree)
			}
			val, _, ok := b.literal(s.Value)
			if !ok {
				return
			}
			if _, ok := overrideStatus(val); ok {
				return
			}
			p.Reportf(t.Node(s.Value), "%q is set to %q, which is not a status code from 100 to 599; the response fails with 500, set a three-digit status code", "$context.responseOverride.status", val)
		})
	})
	return nil
}

// overrideStatus reads a status override's literal value as a status code.
func overrideStatus(val string) (int, bool) {
	s := strings.TrimSpace(val)
	if len(s) != 3 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return 0, false
	}
	return n, true
}
