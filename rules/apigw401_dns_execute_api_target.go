package rules

import (
	"regexp"
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW401 dns-execute-api-target: a DNS record for an API points at an execute-api host or a stage URL instead of the custom domain's target.
//
// A custom domain name is served through its own endpoint: the regional
// name `d-xxxxxxxxxx.execute-api.<region>.amazonaws.com` of a Regional
// domain, or the CloudFront name `dxxxxxxxxxxxxx.cloudfront.net` of an
// edge-optimized one. That endpoint presents the domain's certificate.
// A record that points at the API's default host
// (`<api-id>.execute-api.<region>.amazonaws.com`), at a stage's or
// deployment's `invoke_url`, or at any execute-api host other than a `d-…`
// regional name reaches an endpoint that presents the certificate for
// `*.execute-api.<region>.amazonaws.com`: clients fail the TLS name check
// (browsers "could not prove", curl error 60). A stage URL also carries a
// scheme and a path, which a DNS name cannot.
//
// Point the record at the domain: an alias A/AAAA record with
// `aws_api_gateway_domain_name.x.regional_domain_name` and
// `regional_zone_id` (or `cloudfront_domain_name` and `cloudfront_zone_id`
// for an edge domain; `domain_name_configuration[0].target_domain_name` and
// `hosted_zone_id` for `aws_apigatewayv2_domain_name`), and map the API
// onto the domain with a base path or API mapping.
//
// Values that stay unknown (a variable without default, a registry module's
// output) are not checked.
//
// https://repost.aws/knowledge-center/api-gateway-domain-certificate-errors
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
var DNSExecuteAPITarget = &Rule{
	ID:       "APIGW401",
	Name:     "dns-execute-api-target",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "dns", "tls"},
	Check:    checkDNSExecuteAPITarget,
}

func checkDNSExecuteAPITarget(p *Pass) error {
	for _, r := range p.Project.DNSRecords {
		if r.AliasName != nil {
			reportExecuteAPITarget(p, r, r.AliasName, r.AliasTarget)
		}
		if !r.Type.Is("CNAME") {
			continue // the values of A, TXT… records are not host names to follow
		}
		for i, v := range r.Values {
			reportExecuteAPITarget(p, r, v, r.ValueTargets[i])
		}
	}
	return nil
}

func reportExecuteAPITarget(p *Pass, r *model.DNSRecord, v *model.Value, l *model.Link) {
	t := classifyAPITarget(v, l)
	switch t.kind {
	case targetStageURL:
		p.Reportf(v.RangeOr(r.Range), "record %s points at %s, a stage URL on the execute-api host: clients get the certificate for *.execute-api.%s.amazonaws.com, not for the record's name, and a DNS record cannot carry the URL's path; point the record at the custom domain's regional_domain_name (alias zone regional_zone_id) or cloudfront_domain_name, and map the stage with a base path mapping",
			recordName(r), t.what, t.regionText())
	case targetDefaultHost:
		p.Reportf(v.RangeOr(r.Range), "record %s points at %s, the API's default execute-api host: clients get the certificate for *.execute-api.%s.amazonaws.com, not for the record's name; point the record at the custom domain's regional_domain_name (alias zone regional_zone_id) or cloudfront_domain_name",
			recordName(r), t.what, t.regionText())
	}
}

// recordName is how a finding names a record: its literal name, else its
// reference.
func recordName(r *model.DNSRecord) string {
	if n, ok := r.Name.Get(); ok {
		return quote(n)
	}
	if r.Name != nil && r.Name.Ref != "" {
		return quote("${" + r.Name.Ref + "}")
	}
	return quote(r.Ref)
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// What a host-name value points at, as far as API Gateway is concerned.
const (
	targetUnknown     = iota // not known, or not an API Gateway host
	targetDefaultHost        // an API's default execute-api host
	targetStageURL           // a stage or deployment invoke_url (scheme, host and path)
	targetRegional           // a custom domain's d-… regional name
)

// An apiTarget is what a DNS record target or a CloudFront origin domain
// points at.
type apiTarget struct {
	kind   int
	what   string // for messages: `aws_api_gateway_stage.s.invoke_url`, `"abc.execute-api…"`
	region string // "" when unknown
	// hasSchemeOrPath is set when the value is known to carry a scheme or a
	// path: a literal or template that has one, or exactly a stage's
	// invoke_url or an HTTP API's api_endpoint (not a value computed from
	// them, which may have stripped both).
	hasSchemeOrPath bool
}

func (t apiTarget) regionText() string {
	if t.region == "" {
		return "<region>"
	}
	return t.region
}

// executeAPIHostRe matches execute-api host names: the label is the API ID
// (default endpoint) or d-… (a custom domain's regional name). VPC endpoint
// names (…execute-api.<region>.vpce.amazonaws.com) do not match.
var executeAPIHostRe = regexp.MustCompile(`^([a-z0-9-]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$`)

// parseExecuteAPIHost returns the first label and the region of an
// execute-api host name (case-insensitive, with or without a final dot).
func parseExecuteAPIHost(host string) (label, region string, ok bool) {
	m := executeAPIHostRe.FindStringSubmatch(strings.TrimSuffix(strings.ToLower(host), "."))
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// splitEndpoint splits a host or URL into scheme ("https"), host and path
// ("/prod"; "" when there is none).
func splitEndpoint(s string) (scheme, host, path string) {
	if i := strings.Index(s, "://"); i >= 0 {
		scheme, s = s[:i], s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s, path = s[:i], s[i:]
	}
	return scheme, s, path
}

// partialHostRe matches the known text of a host built from an API's ID:
// "${aws_api_gateway_rest_api.x.id}.execute-api.${var.region}.amazonaws.com".
var partialHostRe = regexp.MustCompile(`^(?:(https?|wss?)://)?\$\{[^}]*\}\.execute-api\.(?:([a-z0-9-]+)|\$\{[^}]*\})\.amazonaws\.com(?:\.cn)?\.?(/.*)?$`)

// classifyAPITarget decides what v, with the link its reference makes,
// points at. Only literals and references to API Gateway resources decide;
// anything else is targetUnknown.
func classifyAPITarget(v *model.Value, l *model.Link) apiTarget {
	if lit, ok := v.Get(); ok {
		scheme, host, path := splitEndpoint(lit)
		label, region, ok := parseExecuteAPIHost(host)
		if !ok {
			return apiTarget{}
		}
		t := apiTarget{kind: targetDefaultHost, what: quote(lit), region: region,
			hasSchemeOrPath: scheme != "" || path != ""}
		switch {
		case strings.HasPrefix(label, "d-"):
			t.kind = targetRegional
		case path != "" && path != "/":
			t.kind = targetStageURL
		}
		return t
	}
	if l == nil || v == nil {
		return apiTarget{}
	}
	what := v.Ref
	if l.Computed {
		what = "a value computed from " + v.Ref
	}
	switch {
	case l.Attribute == "invoke_url" && (l.Kind == "aws_api_gateway_stage" || l.Kind == "aws_apigatewayv2_stage" || l.Kind == "aws_api_gateway_deployment"):
		return apiTarget{kind: targetStageURL, what: what, hasSchemeOrPath: !l.Computed}
	case l.Attribute == "api_endpoint" && l.Kind == "aws_apigatewayv2_api":
		return apiTarget{kind: targetDefaultHost, what: what, hasSchemeOrPath: !l.Computed}
	case l.Attribute == "id" && l.Computed && (l.Kind == "aws_api_gateway_rest_api" || l.Kind == "aws_apigatewayv2_api"):
		m := partialHostRe.FindStringSubmatch(v.Partial)
		if m == nil {
			return apiTarget{}
		}
		t := apiTarget{kind: targetDefaultHost, what: quote(v.Partial), region: m[2],
			hasSchemeOrPath: m[1] != "" || m[3] != ""}
		if m[3] != "" && m[3] != "/" {
			t.kind = targetStageURL
		}
		return t
	case (l.Kind == "aws_api_gateway_domain_name" && l.Attribute == "regional_domain_name") ||
		(l.Kind == "aws_apigatewayv2_domain_name" && l.Attribute == "target_domain_name"):
		return apiTarget{kind: targetRegional, what: what}
	}
	return apiTarget{}
}
