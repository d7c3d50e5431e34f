# METADATA
# title: APIGW303 enhanced-policy-constraints
# description: |
#   An enhanced security policy lacks an endpoint access mode, or mutual TLS is combined with a policy or endpoint type that does not support it.
#
#   An enhanced security policy (any `SecurityPolicy_*` name) on a REST custom
#   domain requires an endpoint access mode, `BASIC` or `STRICT`
#   (`endpoint_access_mode` in Terraform); API Gateway rejects the domain
#   without one. AWS recommends `STRICT`.
#
#   Mutual TLS needs a Regional custom domain with the legacy `TLS_1_2`
#   policy: it cannot be enabled on an edge-optimized or private domain, on
#   a domain with an enhanced policy, or with `TLS_1_0`.
#
#   Unknown values (a variable without default) are not reported, and an
#   absent security policy counts as `TLS_1_2`, the default of new custom
#   domains.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
# custom:
#   id: APIGW303
#   name: enhanced-policy-constraints
#   severity: error
#   tags: [correctness, tls]
package apigw.rules.tls.enhanced_policy_constraints

import data.apigw.lib.domain
import data.apigw.lib.result

_enhanced(d) if {
	d.security_policy.known
	startswith(d.security_policy.value, "SecurityPolicy_")
}

_mtls_range(d) := d.mutual_tls_range if d.mutual_tls_range.filename != ""

else := d.range

_access_fix(d) := "EndpointAccessMode: STRICT (or BASIC)" if d.source == "cloudformation"

else := "endpoint_access_mode = \"STRICT\" (or \"BASIC\")"

_regional_fix(d) := "make the domain REGIONAL (RegionalCertificateArn, EndpointConfiguration REGIONAL) or remove MutualTlsAuthentication" if d.source == "cloudformation"

else := "make the domain REGIONAL (regional_certificate_arn, endpoint type REGIONAL) or remove mutual_tls_authentication"

# aws_apigatewayv2_domain_name has no endpoint access mode argument: only
# REST domains are checked for it.
deny contains finding if {
	some d in input.domains
	d.version == "v1"
	_enhanced(d)
	not d.endpoint_access_mode
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q uses enhanced security policy %q without an endpoint access mode, so API Gateway rejects it; set %s",
		[domain.name(d), d.security_policy.value, _access_fix(d)],
	))
}

deny contains finding if {
	some d in input.domains
	d.mutual_tls
	_enhanced(d)
	finding := result.fail(rego.metadata.chain(), _mtls_range(d), sprintf(
		"custom domain %q enables mutual TLS with enhanced security policy %q, which does not support it, so API Gateway rejects the domain; use security policy \"TLS_1_2\" with mutual TLS",
		[domain.name(d), d.security_policy.value],
	))
}

deny contains finding if {
	some d in input.domains
	d.mutual_tls
	d.security_policy.known
	d.security_policy.value == "TLS_1_0"
	finding := result.fail(rego.metadata.chain(), _mtls_range(d), sprintf(
		"custom domain %q enables mutual TLS with security policy TLS_1_0, and mutual TLS requires TLS_1_2, so API Gateway rejects the domain; set the security policy to \"TLS_1_2\"",
		[domain.name(d)],
	))
}

deny contains finding if {
	some d in input.domains
	d.mutual_tls
	d.endpoint_type.known
	e := upper(d.endpoint_type.value)
	e != "REGIONAL"
	finding := result.fail(rego.metadata.chain(), _mtls_range(d), sprintf(
		"custom domain %q is %s, and mutual TLS works only on Regional custom domains, so API Gateway rejects it; %s",
		[domain.name(d), e, _regional_fix(d)],
	))
}
