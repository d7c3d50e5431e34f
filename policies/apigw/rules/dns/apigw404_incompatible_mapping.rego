# METADATA
# title: APIGW404 incompatible-mapping
# description: |
#   An API is mapped onto a custom domain that cannot serve it: a WebSocket API on a domain shared with REST or HTTP APIs, or an HTTP API on an edge-optimized domain or one with an enhanced security policy.
#
#   WebSocket APIs cannot share a custom domain with REST or HTTP APIs.
#   HTTP APIs can only be mapped onto Regional domains, and not onto a
#   domain that uses an enhanced (`SecurityPolicy_…`) security policy.
#   API Gateway rejects such a mapping, so the apply fails and clients
#   never reach the API under that name.
#
#   Give the WebSocket API its own domain; map HTTP APIs onto a Regional
#   domain with `security_policy = "TLS_1_2"`. Mappings whose domain, API
#   or endpoint type stay unknown are not checked.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-custom-domain-names.html
# custom:
#   id: APIGW404
#   name: incompatible-mapping
#   severity: error
#   tags: [correctness, dns]
package apigw.rules.dns.incompatible_mapping

import data.apigw.lib.index
import data.apigw.lib.result

_api(id) := index.apis[id]

_domain(id) := index.domains[id]

# The kind of the API a mapping maps: base path mappings map REST APIs.
_kind(m) := "rest" if m.version == "v1"

_kind(m) := k if {
	m.version == "v2"
	k := _api(m.api_link.id).kind
	k != ""
}

_domain_text(m) := sprintf("%q", [d.name.value]) if {
	d := _domain(m.domain_link.id)
	d.name.known
}

_domain_text(m) := m.domain_link.id if not _domain(m.domain_link.id).name.known

_api_text(m) := m.api.ref if m.api.ref

_api_text(m) := m.api_link.id if not m.api.ref

deny contains finding if {
	some m in input.base_path_mappings
	_kind(m) == "websocket"
	others := {o.ref |
		some o in input.base_path_mappings
		o.domain_link.id == m.domain_link.id
		o.id != m.id
		k := _kind(o)
		k != "websocket"
	}
	count(others) > 0
	finding := result.fail(rego.metadata.chain(), m.range, sprintf(
		"WebSocket API %s is mapped onto domain %s, which also serves REST or HTTP APIs (%s): a WebSocket API cannot share a custom domain with them, so one of the mappings fails; give the WebSocket API its own domain",
		[_api_text(m), _domain_text(m), concat(", ", sort(others))],
	))
}

deny contains finding if {
	some m in input.base_path_mappings
	_kind(m) == "http"
	d := _domain(m.domain_link.id)
	upper(d.endpoint_type.value) == "EDGE"
	finding := result.fail(rego.metadata.chain(), m.range, sprintf(
		"HTTP API %s is mapped onto edge-optimized domain %s: HTTP APIs support only Regional custom domains, so the mapping fails; use a domain with endpoint type REGIONAL",
		[_api_text(m), _domain_text(m)],
	))
}

deny contains finding if {
	some m in input.base_path_mappings
	_kind(m) == "http"
	d := _domain(m.domain_link.id)
	d.security_policy.known
	startswith(d.security_policy.value, "SecurityPolicy_")
	finding := result.fail(rego.metadata.chain(), m.range, sprintf(
		"HTTP API %s is mapped onto domain %s, whose security policy %s is an enhanced policy: HTTP APIs cannot be mapped onto such a domain, so the mapping fails; use security_policy \"TLS_1_2\" or a separate domain",
		[_api_text(m), _domain_text(m), d.security_policy.value],
	))
}
