package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW406 cloudfront-api-origin: a CloudFront origin for API Gateway is a URL instead of a host, has an origin_path ending in "/", or receives the viewer's Host header.
//
// A CloudFront origin's `domain_name` is a bare host name. A stage's
// `invoke_url` (`https://<id>.execute-api.<region>.amazonaws.com/prod`) or an
// HTTP API's `api_endpoint` carries a scheme, and the stage URL a path:
// CloudFront rejects it. Put the host in `domain_name` and the stage in
// `origin_path = "/prod"` (or in the cache behaviours' path patterns).
//
// CloudFront's documentation asks for an `origin_path` that starts with `/`
// and does not end with one; the reference this project follows has not
// confirmed the trailing-slash part, so that case is only a note.
//
// API Gateway's execute-api endpoint selects the API by the Host header.
// When the distribution forwards the viewer's `Host` (legacy
// `forwarded_values { headers = ["Host"] }` or `["*"]`), the origin gets
// the distribution's name and answers 403 to every request. Do not forward
// Host to an execute-api origin: use the managed origin request policy
// AllViewerExceptHostHeader. A distribution with origins of other kinds is
// only checked when all its origins are execute-api hosts, because the
// model does not tie forwarded headers to one origin.
//
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html
// https://repost.aws/knowledge-center/api-gateway-cloudfront-distribution
var CloudFrontAPIOrigin = &Rule{
	ID:       "APIGW406",
	Name:     "cloudfront-api-origin",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "cloudfront"},
	Check:    checkCloudFrontAPIOrigin,
}

func checkCloudFrontAPIOrigin(p *Pass) error {
	for _, d := range p.Project.Distributions {
		executeAPI := 0
		for _, o := range d.Origins {
			t := classifyAPITarget(o.DomainName, o.DomainLink)
			if t.kind == targetUnknown {
				continue
			}
			if t.kind == targetDefaultHost || t.kind == targetStageURL {
				executeAPI++
			}
			if t.hasSchemeOrPath {
				p.Reportf(o.DomainName.RangeOr(o.Range), "origin domain_name is %s, a URL with a scheme or path: CloudFront takes a bare host name and rejects it; set domain_name to the host (<api-id>.execute-api.<region>.amazonaws.com) and the stage to origin_path (e.g. \"/prod\")",
					t.what)
			}
			if op, ok := o.OriginPath.Get(); ok && strings.HasSuffix(op, "/") {
				p.ReportSeverityf(model.SeverityNote, o.OriginPath.RangeOr(o.Range), "origin_path %q ends with \"/\": CloudFront's documentation asks for an origin path without a trailing slash; remove it (e.g. \"/prod\")",
					op)
			}
		}
		if executeAPI == 0 || executeAPI != len(d.Origins) {
			continue
		}
		for _, h := range d.ForwardedHeaders {
			hv, ok := h.Get()
			if !ok || (!strings.EqualFold(hv, "host") && hv != "*") {
				continue
			}
			p.Reportf(h.RangeOr(d.Range), "the distribution forwards the viewer's Host header (%q) to its execute-api origin: API Gateway selects the API by Host and answers 403 to every request; do not forward Host (use the managed origin request policy AllViewerExceptHostHeader)",
				hv)
		}
	}
	return nil
}
