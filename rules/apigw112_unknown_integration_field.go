package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW112 unknown-integration-field: a field of x-amazon-apigateway-integration or of one of its responses is unknown or misplaced.
//
// API Gateway ignores fields it does not know in the integration extension,
// so a misspelt `passthroughbehavior` or a `selectionPattern` written inside
// a response silently does nothing. In OpenAPI the selection pattern is the
// response's KEY (`responses: {"4\\d{2}": {statusCode: "400"}}`); a
// `selectionPattern` field inside the response is ignored, and the response
// is selected by its key.
//
// Use the documented fields: `type`, `uri`, `httpMethod`, `connectionType`,
// `connectionId`, `credentials`, `requestParameters`, `requestTemplates`,
// `passthroughBehavior`, `contentHandling`, `timeoutInMillis`,
// `cacheKeyParameters`, `cacheNamespace`, `tlsConfig`, `payloadFormatVersion`,
// `integrationSubtype`, `responses`, `responseTransferMode`; and in a response
// `statusCode`, `responseTemplates`, `responseParameters`, `contentHandling`.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
var UnknownIntegrationField = &Rule{
	ID:       "APIGW112",
	Name:     "unknown-integration-field",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness"},
	Check:    checkUnknownIntegrationField,
}

var integrationFields = fieldSet("type", "uri", "httpMethod", "connectionType", "connectionId",
	"credentials", "requestParameters", "requestTemplates", "passthroughBehavior", "contentHandling",
	"timeoutInMillis", "cacheKeyParameters", "cacheNamespace", "tlsConfig", "payloadFormatVersion",
	"integrationSubtype", "responses", "responseTransferMode", "integrationTarget", "description")

var responseFields = fieldSet("statusCode", "responseTemplates", "responseParameters", "contentHandling")

func fieldSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func checkUnknownIntegrationField(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		for _, f := range in.Fields {
			if integrationFields[f.Name] || strings.HasPrefix(f.Name, "x-") {
				continue
			}
			switch {
			case responseFields[f.Name] || f.Name == "selectionPattern":
				p.Reportf(f.Range, "%q belongs in an integration response, not in x-amazon-apigateway-integration: it is ignored here; move it into a response under \"responses\"", f.Name)
			default:
				p.Reportf(f.Range, "unknown field %q in x-amazon-apigateway-integration is ignored by API Gateway%s", f.Name, suggest(f.Name, integrationFields))
			}
		}
		for _, r := range in.Responses {
			for _, f := range r.Fields {
				if responseFields[f.Name] || strings.HasPrefix(f.Name, "x-") {
					continue
				}
				switch f.Name {
				case "selectionPattern":
					p.Reportf(f.Range, "\"selectionPattern\" inside an integration response is ignored: in OpenAPI the response's key is its selection pattern; write the pattern as the key and remove this field")
				default:
					p.Reportf(f.Range, "unknown field %q in an integration response is ignored by API Gateway%s", f.Name, suggest(f.Name, responseFields))
				}
			}
		}
	})
	return nil
}

// suggest names the documented field a misspelt one most likely meant.
func suggest(name string, known map[string]bool) string {
	best, bestDist := "", 3
	for k := range known {
		d := distance(strings.ToLower(name), strings.ToLower(k))
		if d < bestDist || (d == bestDist && best != "" && k < best) {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return "; use a documented field"
	}
	return "; did you mean \"" + best + "\"?"
}

// distance is the Levenshtein distance between two short strings.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
