# METADATA
# title: APIGW402 alias-target-mismatch
# description: |
#   A Route 53 alias's target name and hosted zone do not belong together, or do not fit the custom domain's endpoint type.
#
#   An alias record names a target and the hosted zone that target lives in,
#   and both must come from the same endpoint of the custom domain:
#
#   - a Regional domain (`aws_api_gateway_domain_name` with
#     `types = ["REGIONAL"]`) is served at `regional_domain_name`, in zone
#     `regional_zone_id`;
#   - an edge-optimized domain (the default endpoint type) is served by
#     CloudFront at `cloudfront_domain_name`, in zone `cloudfront_zone_id`,
#     which is always `Z2FDTNDATAQYW2`;
#   - an `aws_apigatewayv2_domain_name` is served at
#     `domain_name_configuration[0].target_domain_name`, in zone
#     `domain_name_configuration[0].hosted_zone_id`.
#
#   A Regional domain aliased through `cloudfront_domain_name` (or an edge
#   one through `regional_domain_name`), a name taken from one pair with
#   the zone from the other, or a CloudFront target with a literal zone
#   other than `Z2FDTNDATAQYW2` makes an alias that does not resolve to the
#   domain: clients cannot reach the API under its name.
#
#   Take the name and the zone from the same pair of the same domain.
#   Unknown values (variables without default, registry module outputs) are
#   not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/api/API_DomainName.html
#   - ref: https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html
# custom:
#   id: APIGW402
#   name: alias-target-mismatch
#   severity: error
#   tags: [correctness, dns]
package apigw.rules.dns.alias_target_mismatch

import data.apigw.lib.index
import data.apigw.lib.result

_cloudfront_zone := "Z2FDTNDATAQYW2"

_domain(id) := index.domains[id]

# The endpoint a name attribute reads, by the kind of its resource.
_name_class := {
	"aws_api_gateway_domain_name": {"regional_domain_name": "regional", "cloudfront_domain_name": "cloudfront"},
	"aws_apigatewayv2_domain_name": {"target_domain_name": "regional"},
	"aws_cloudfront_distribution": {"domain_name": "cloudfront"},
}

# The endpoint a zone attribute reads.
_zone_class := {
	"aws_api_gateway_domain_name": {"regional_zone_id": "regional", "cloudfront_zone_id": "cloudfront"},
	"aws_apigatewayv2_domain_name": {"hosted_zone_id": "regional"},
	"aws_cloudfront_distribution": {"hosted_zone_id": "cloudfront"},
}

_zone_attr := {"regional": "regional_zone_id", "cloudfront": "cloudfront_zone_id"}

_name_attr := {"regional": "regional_domain_name", "cloudfront": "cloudfront_domain_name"}

# What a record's alias name points at: from its link, else from a literal.
_target_class(rec) := _name_class[rec.alias_target.kind][rec.alias_target.attribute]

_target_class(rec) := "cloudfront" if {
	not rec.alias_target
	rec.alias_name.known
	endswith(trim_suffix(lower(rec.alias_name.value), "."), ".cloudfront.net")
}

_target_class(rec) := "regional" if {
	not rec.alias_target
	rec.alias_name.known
	regex.match(`^d-[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\.?$`, lower(rec.alias_name.value))
}

_endpoint_class(d) := "cloudfront" if upper(d.endpoint_type.value) == "EDGE"

_endpoint_class(d) := "regional" if upper(d.endpoint_type.value) == "REGIONAL"

_text(v) := v.ref if v.ref

_text(v) := sprintf("%q", [v.value]) if not v.ref

_domain_text(d) := sprintf("%q", [d.name.value]) if d.name.known

_domain_text(d) := d.ref if not d.name.known

# A v1 domain read through the attribute of the other endpoint type.
deny contains finding if {
	some rec in input.dns_records
	rec.alias_target.kind == "aws_api_gateway_domain_name"
	d := _domain(rec.alias_target.id)
	d.endpoint_type.known
	want := _endpoint_class(d)
	got := _name_class[rec.alias_target.kind][rec.alias_target.attribute]
	got != want
	finding := result.fail(rego.metadata.chain(), rec.alias_name.range, sprintf(
		"alias name reads %s of custom domain %s, whose endpoint type is %s: that is not where the domain is served, so the alias does not reach the API; use %s with %s",
		[rec.alias_target.attribute, _domain_text(d), upper(d.endpoint_type.value), _name_attr[want], _zone_attr[want]],
	))
}

# Name and zone from different endpoints.
deny contains finding if {
	some rec in input.dns_records
	name_class := _name_class[rec.alias_target.kind][rec.alias_target.attribute]
	zone_class := _zone_class[rec.alias_zone_target.kind][rec.alias_zone_target.attribute]
	name_class != zone_class
	finding := result.fail(rego.metadata.chain(), rec.alias_zone_id.range, sprintf(
		"alias zone_id reads %s but the alias name reads %s: the zone is not the one the target name lives in, so the alias does not resolve; take the zone from the same pair as the name (%s goes with %s)",
		[_text(rec.alias_zone_id), _text(rec.alias_name), _name_attr[name_class], _zone_attr[name_class]],
	))
}

# A CloudFront target with a literal zone other than CloudFront's.
deny contains finding if {
	some rec in input.dns_records
	_target_class(rec) == "cloudfront"
	rec.alias_zone_id.known
	upper(rec.alias_zone_id.value) != _cloudfront_zone
	finding := result.fail(rego.metadata.chain(), rec.alias_zone_id.range, sprintf(
		"alias zone_id %q is not CloudFront's hosted zone %s, but the alias name is a CloudFront name: the alias does not resolve; use cloudfront_zone_id (always %s)",
		[rec.alias_zone_id.value, _cloudfront_zone, _cloudfront_zone],
	))
}

# A regional target with CloudFront's zone.
deny contains finding if {
	some rec in input.dns_records
	_target_class(rec) == "regional"
	rec.alias_zone_id.known
	upper(rec.alias_zone_id.value) == _cloudfront_zone
	finding := result.fail(rego.metadata.chain(), rec.alias_zone_id.range, sprintf(
		"alias zone_id %q is CloudFront's hosted zone, but the alias name is a Regional execute-api name: the alias does not resolve; use the domain's regional_zone_id (hosted_zone_id for aws_apigatewayv2_domain_name)",
		[rec.alias_zone_id.value],
	))
}
