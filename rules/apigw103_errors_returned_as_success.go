package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW103 errors-returned-as-success: backend error status codes reach a 2xx method response.
//
// On an HTTP or AWS service integration, API Gateway picks the integration
// response whose selection pattern matches the backend's status code, and
// the default response when none does. When only a default `200` response is
// configured, a backend 404 or 500 reaches the client as `200 OK` with the
// error body: clients, retries and monitoring all believe the call succeeded.
//
// apigw-lint enumerates every status code 100–599 through the patterns and
// reports which 4xx/5xx codes end up at a 2xx response. Add integration
// responses for the error ranges, e.g. `4\d{2}` → 400 and `5\d{2}` → 502.
// MOCK integrations are not checked: they have no backend.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
var ErrorsReturnedAsSuccess = &Rule{
	ID:       "APIGW103",
	Name:     "errors-returned-as-success",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "selection-pattern"},
	Check:    checkErrorsReturnedAsSuccess,
}

func checkErrorsReturnedAsSuccess(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.TypeName() == model.IntegrationMock {
			return
		}
		rt, ok := routeStatus(p.Patterns, in)
		if !ok {
			return
		}
		// Group the error codes by the 2xx response that takes them; a code
		// that may also go to a non-2xx response is ambiguous (APIGW105).
		byResp := map[*model.IntegrationResponse][]int{}
		var order, targets []*model.IntegrationResponse
		for code := 400; code <= 599; code++ {
			targets = rt.to(code, targets[:0])
			if len(targets) == 0 {
				continue
			}
			all2xx := true
			for _, t := range targets {
				s, known := t.Status()
				if !known || !is2xx(s) {
					all2xx = false
				}
			}
			if !all2xx {
				continue
			}
			t := targets[0]
			if _, seen := byResp[t]; !seen {
				order = append(order, t)
			}
			byResp[t] = append(byResp[t], code)
		}
		for _, t := range order {
			s, _ := t.Status()
			by := "the default response"
			if !t.IsDefault() {
				src, _ := patternOf(t)
				by = "the response for pattern " + show(src)
			}
			codes := formatCodes(byResp[t])
			p.Reportf(t.Range, "backend %s %s returned to clients as %d by %s; add integration responses that map error status codes to 4xx/5xx method responses (e.g. \"4\\d{2}\" → 400, \"5\\d{2}\" → 502)",
				codes, verbFor(codes), s, by)
		}
	})
	return nil
}

func verbFor(codes string) string {
	if strings.ContainsAny(codes, ",–") {
		return "are"
	}
	return "is"
}
