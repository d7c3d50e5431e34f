# METADATA
# title: APIGW604 authorizer-config
# description: |
#   An authorizer API Gateway rejects: result TTL over 3600 s, or settings that do not fit its type.
#
#   - The result cache TTL (`authorizer_result_ttl_in_seconds`,
#     `AuthorizerResultTtlInSeconds`, `authorizerResultTtlInSeconds`) is
#     0 to 3600 seconds; a larger value fails the deployment.
#   - A `TOKEN` authorizer reads its token from one request header: its
#     identity source must be `method.request.header.<name>` (in OpenAPI,
#     the security scheme's `in: header` and `name`).
#   - A `COGNITO_USER_POOLS` authorizer needs the user pool ARNs
#     (`provider_arns`, `ProviderARNs`, `providerARNs`).
#
#   Unknown values are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html
# custom:
#   id: APIGW604
#   name: authorizer-config
#   severity: error
#   tags: [correctness, authorization]
package apigw.rules.security.authorizer_config

import data.apigw.lib.result

_num(v) := to_number(v.value) if {
	v.known
	regex.match(`^[0-9]+(\.[0-9]+)?$`, trim_space(v.value))
}

_type(a) := upper(a.type.value) if a.type.known

_name(a) := sprintf("%q", [a.name.value]) if a.name.known

else := a.ref if a.ref != ""

else := a.id

deny contains finding if {
	some a in input.authorizers
	_num(a.ttl) > 3600
	finding := result.fail(rego.metadata.chain(), a.ttl.range, sprintf(
		"authorizer %s caches results for %s seconds, over the 3600 s maximum, so the deployment fails; set the result TTL to 3600 or less",
		[_name(a), a.ttl.value],
	))
}

_header_source(v) if regex.match(`^method\.request\.header\.[^.,\s]+$`, trim_space(v.value))

deny contains finding if {
	some a in input.authorizers
	a.version == "v1"
	_type(a) == "TOKEN"
	not a.identity_source
	finding := result.fail(rego.metadata.chain(), a.range, sprintf(
		"TOKEN authorizer %s has no identity source, so API Gateway does not know which header holds the token; set it to method.request.header.<name>, e.g. method.request.header.Authorization",
		[_name(a)],
	))
}

deny contains finding if {
	some a in input.authorizers
	a.version == "v1"
	_type(a) == "TOKEN"
	a.identity_source.known
	not _header_source(a.identity_source)
	finding := result.fail(rego.metadata.chain(), a.identity_source.range, sprintf(
		"TOKEN authorizer %s reads its token from %q, but a TOKEN authorizer reads one request header; use method.request.header.<name>, or a REQUEST authorizer for other sources",
		[_name(a), a.identity_source.value],
	))
}

deny contains finding if {
	some a in input.authorizers
	a.version == "v1"
	_type(a) == "COGNITO_USER_POOLS"
	a.provider_arns_known
	count(object.get(a, "provider_arns", [])) == 0
	finding := result.fail(rego.metadata.chain(), a.range, sprintf(
		"COGNITO_USER_POOLS authorizer %s names no user pool, so no token can be valid; set provider_arns (ProviderARNs, providerARNs) to the Cognito user pool ARNs",
		[_name(a)],
	))
}
