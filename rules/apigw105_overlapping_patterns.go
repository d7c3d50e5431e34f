package rules

import (
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW105 overlapping-patterns: two selection patterns of one integration both match some status code.
//
// Integration responses are keyed by status code, and AWS documents no
// order in which overlapping selection patterns are tried. When `4\d{2}` and
// `40[0-9]` both match 404, which response the client gets is not something
// to rely on. Identical patterns on two responses overlap on every input,
// whatever the integration type.
//
// Make the patterns disjoint, e.g. `40[0-3]` and `4(0[4-9]|[1-9]\d)`.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
var OverlappingPatterns = &Rule{
	ID:       "APIGW105",
	Name:     "overlapping-patterns",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "selection-pattern"},
	Check:    checkOverlappingPatterns,
}

func checkOverlappingPatterns(p *Pass) error {
	p.Project.Integrations(func(_ *model.Method, in *model.Integration) {
		if in.Subject == model.SubjectNone {
			return
		}
		type seen struct {
			r     *model.IntegrationResponse
			src   string
			codes *codeSet
		}
		var prev []seen
		for _, r := range in.Responses {
			src, ok := patternOf(r)
			if !ok {
				continue
			}
			if _, err := p.Patterns.Compile(src); err != nil {
				continue
			}
			cur := seen{r: r, src: src}
			if in.Subject == model.SubjectStatusCode {
				if codes, ok := p.Patterns.StatusCodes(src); ok {
					cur.codes = setOf(codes)
				}
			}
			for _, o := range prev {
				if o.src == src {
					p.ReportRelated(r.Pattern.Range, []model.Related{{Message: "the same pattern", Range: o.r.Pattern.Range}},
						"selection pattern %s appears twice in this integration; only one of its responses can be chosen, remove or change one", show(src))
					continue
				}
				if cur.codes == nil || o.codes == nil {
					continue
				}
				var both []int
				for c := 100; c <= 599; c++ {
					if cur.codes[c] && o.codes[c] {
						both = append(both, c)
					}
				}
				if len(both) > 0 {
					p.ReportRelated(r.Pattern.Range, []model.Related{{Message: "the other pattern", Range: o.r.Pattern.Range}},
						"selection patterns %s and %s both match status %s; which response is chosen is not defined, make the patterns disjoint", show(o.src), show(src), formatCodes(both))
				}
			}
			prev = append(prev, cur)
		}
	})
	return nil
}
