# METADATA
# title: APIGW308 cloudfront-origin-tls
# description: |
#   A CloudFront distribution in front of API Gateway uses a protocol or TLS version that breaks or weakens the connection.
#
#   API Gateway serves HTTPS only and negotiates TLS 1.2 or later, so a
#   CloudFront origin that points at it (an execute-api host, an API, stage
#   or custom domain of the tree) must use `origin_protocol_policy =
#   "https-only"` (`http-only` never works, `match-viewer` fails for HTTP
#   viewers), and `origin_ssl_protocols` must contain `TLSv1.2` (error).
#   `SSLv3`, `TLSv1` and `TLSv1.1` in that list are weak and never needed
#   (warning).
#
#   On the viewer side, a `minimum_protocol_version` below `TLSv1.2_2021`, or
#   the default CloudFront certificate (which forces `TLSv1`), lets clients
#   connect to the distribution with outdated TLS (warning): use an ACM
#   certificate with `minimum_protocol_version = "TLSv1.2_2021"` or later.
#
#   Values that stay unknown (a variable without default) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html
#   - ref: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: APIGW308
#   name: cloudfront-origin-tls
#   severity: error
#   tags: [security, tls, cloudfront]
package apigw.rules.tls.cloudfront_origin_tls

import data.apigw.lib.result

_apigw_kinds := {
	"aws_api_gateway_rest_api", "aws_apigatewayv2_api",
	"aws_api_gateway_stage", "aws_apigatewayv2_stage",
	"aws_api_gateway_domain_name", "aws_apigatewayv2_domain_name",
}

_apigw_origin(o) if o.domain_link.kind in _apigw_kinds

_apigw_origin(o) if regex.match(`(^|[./])[^./]*\.execute-api\.[^.]+\.amazonaws\.com`, _text(o.domain_name))

# A custom domain of the tree, by name, within one directory: separate
# projects scanned together often share example names.
_apigw_origin(o) if {
	o.domain_name.known
	some d in input.domains
	d.name.known
	lower(d.name.value) == lower(o.domain_name.value)
	_dir(o.range) == _dir(d.range)
}

_dir(r) := regex.replace(r.filename, `[^/]*$`, "")

_text(v) := v.value if v.known

else := v.partial if v.partial

else := ""

_weak := {"SSLv3", "TLSv1", "TLSv1.1"}

_below_2021 := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"}

_origin_name(o) := o.origin_id.value if o.origin_id.known

else := _text(o.domain_name)

_front_apigw(dist) if {
	some o in dist.origins
	_apigw_origin(o)
}

deny contains finding if {
	some dist in input.distributions
	some o in dist.origins
	_apigw_origin(o)
	o.protocol_policy.known
	o.protocol_policy.value != "https-only"
	finding := result.fail(rego.metadata.chain(), o.protocol_policy.range, sprintf(
		"CloudFront origin %q points at API Gateway with origin_protocol_policy %q, but API Gateway accepts HTTPS only, so requests CloudFront sends over HTTP fail; set origin_protocol_policy = \"https-only\"",
		[_origin_name(o), o.protocol_policy.value],
	))
}

deny contains finding if {
	some dist in input.distributions
	some o in dist.origins
	_apigw_origin(o)
	o.ssl_known
	count(o.ssl_protocols) > 0
	every p in o.ssl_protocols {
		p.known
		p.value != "TLSv1.2"
	}
	finding := result.fail(rego.metadata.chain(), _ssl_range(o), sprintf(
		"CloudFront origin %q points at API Gateway, which negotiates TLS 1.2 or later, but origin_ssl_protocols lacks TLSv1.2, so CloudFront cannot connect to it (502); set origin_ssl_protocols = [\"TLSv1.2\"]",
		[_origin_name(o)],
	))
}

deny contains finding if {
	some dist in input.distributions
	some o in dist.origins
	_apigw_origin(o)
	o.ssl_known
	some p in o.ssl_protocols
	p.known
	p.value in _weak
	finding := result.fail_with_severity(rego.metadata.chain(), "warning", p.range, sprintf(
		"CloudFront origin %q allows %s towards API Gateway, which never needs it; remove it and keep origin_ssl_protocols = [\"TLSv1.2\"]",
		[_origin_name(o), p.value],
	))
}

_ssl_range(o) := o.ssl_protocols[0].range

deny contains finding if {
	some dist in input.distributions
	_front_apigw(dist)
	dist.viewer_minimum_protocol.known
	dist.viewer_minimum_protocol.value in _below_2021
	not _default_cert(dist)
	finding := result.fail_with_severity(rego.metadata.chain(), "warning", dist.viewer_minimum_protocol.range, sprintf(
		"CloudFront distribution %q in front of API Gateway accepts viewers with minimum protocol %s, so clients can connect with outdated TLS; set minimum_protocol_version = \"TLSv1.2_2021\" or later",
		[dist.ref, dist.viewer_minimum_protocol.value],
	))
}

_default_cert(dist) if {
	dist.viewer_default_certificate.known
	dist.viewer_default_certificate.value == "true"
}

deny contains finding if {
	some dist in input.distributions
	_front_apigw(dist)
	_default_cert(dist)
	finding := result.fail_with_severity(rego.metadata.chain(), "warning", dist.viewer_default_certificate.range, sprintf(
		"CloudFront distribution %q in front of API Gateway uses the default CloudFront certificate, which makes CloudFront accept TLSv1 from viewers; use an ACM certificate (acm_certificate_arn) with minimum_protocol_version = \"TLSv1.2_2021\" or later",
		[dist.ref],
	))
}
