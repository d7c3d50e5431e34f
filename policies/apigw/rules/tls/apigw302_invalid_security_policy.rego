# METADATA
# title: APIGW302 invalid-security-policy
# description: |
#   A custom domain's security policy is unknown to API Gateway or not valid for the domain's endpoint type.
#
#   API Gateway knows two legacy policies, `TLS_1_0` and `TLS_1_2`, and the
#   enhanced `SecurityPolicy_*` ones. Enhanced policies exist per endpoint
#   type: the `_EDGE` ones only for edge-optimized domains, the others only
#   for Regional and private ones. A private domain does not take `TLS_1_0`.
#   HTTP and WebSocket APIs support only `TLS_1_2`, so a domain that an
#   HTTP or WebSocket API is mapped to must use `TLS_1_2` (an HTTP API on a
#   domain with an enhanced policy is reported by APIGW404). API Gateway
#   rejects the domain (or the mapping) when these do not hold, and the
#   deployment fails.
#
#   Use a policy from the list for the domain's endpoint type. Unknown
#   values (a variable without default) and absent policies are not
#   reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
# custom:
#   id: APIGW302
#   name: invalid-security-policy
#   severity: error
#   tags: [correctness, tls]
package apigw.rules.tls.invalid_security_policy

import data.apigw.lib.index
import data.apigw.lib.domain
import data.apigw.lib.result

_legacy := {"TLS_1_0", "TLS_1_2"}

# Enhanced policies of Regional and private endpoints.
# SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09 appears in AWS's tables but not
# in the API reference's list: accepted rather than reported.
_regional_enhanced := {
	"SecurityPolicy_TLS13_1_3_2025_09",
	"SecurityPolicy_TLS13_1_3_FIPS_2025_09",
	"SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
	"SecurityPolicy_TLS13_1_2_PQ_2025_09",
	"SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
	"SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
	"SecurityPolicy_TLS13_1_2_2021_06",
}

_edge_enhanced := {
	"SecurityPolicy_TLS13_2025_EDGE",
	"SecurityPolicy_TLS12_PFS_2025_EDGE",
	"SecurityPolicy_TLS12_2018_EDGE",
}

_known_policies := (_legacy | _regional_enhanced) | _edge_enhanced

_endpoint(d) := upper(d.endpoint_type.value) if d.endpoint_type.known

_policy(d) := d.security_policy.value if d.security_policy.known

# The APIs mapped to the domain (by reference, or by the domain's literal
# name within one directory), linked by Go before the policies run.
_mapped_apis(d) := {index.apis[link.id] | some link in d.mapped_apis}

deny contains finding if {
	some d in input.domains
	p := _policy(d)
	not p in _known_policies
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q: %q is not an API Gateway security policy, so API Gateway rejects the domain; set %s (or a listed SecurityPolicy_* value; names are case-sensitive)",
		[domain.name(d), p, domain.set_tls12(d)],
	))
}

deny contains finding if {
	some d in input.domains
	p := _policy(d)
	p in _edge_enhanced
	e := _endpoint(d)
	e in {"REGIONAL", "PRIVATE"}
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q is %s but security policy %q is for edge-optimized domains only, so API Gateway rejects it; use \"TLS_1_2\" or a Regional policy such as \"SecurityPolicy_TLS13_1_2_2021_06\"",
		[domain.name(d), e, p],
	))
}

deny contains finding if {
	some d in input.domains
	p := _policy(d)
	p in _regional_enhanced
	_endpoint(d) == "EDGE"
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q is edge-optimized but security policy %q is for Regional and private domains only, so API Gateway rejects it; use \"TLS_1_2\" or an _EDGE policy such as \"SecurityPolicy_TLS12_2018_EDGE\"",
		[domain.name(d), p],
	))
}

deny contains finding if {
	some d in input.domains
	_policy(d) == "TLS_1_0"
	_endpoint(d) == "PRIVATE"
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q is private, and private domains do not support TLS_1_0, so API Gateway rejects it; set %s",
		[domain.name(d), domain.set_tls12(d)],
	))
}

# An HTTP API on an enhanced policy is APIGW404's (incompatible-mapping):
# not reported twice.
_v2_conflict("http", "TLS_1_0")

_v2_conflict("websocket", p) if p != "TLS_1_2"

deny contains finding if {
	some d in input.domains
	p := _policy(d)
	p in _known_policies
	some api in _mapped_apis(d)
	_v2_conflict(api.kind, p)
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q has security policy %q but %s API %q is mapped to it, and HTTP and WebSocket APIs support only TLS_1_2, so the mapping is rejected; set %s",
		[domain.name(d), p, _kind_text(api.kind), _api_name(api), domain.set_tls12(d)],
	))
}

_kind_text("http") := "HTTP"

_kind_text("websocket") := "WebSocket"

_api_name(api) := api.name.value if api.name.known

else := api.ref if api.ref

else := api.id
