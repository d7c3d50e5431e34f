# METADATA
# title: APIGW707 endpoint-not-private
# description: |
#   A REST API is not PRIVATE (disabled by default).
#
#   Some organisations require every REST API to be `PRIVATE`, reachable
#   only through interface VPC endpoints, and to publish what must be public
#   through a controlled edge. Most APIs are public on purpose, so this rule
#   is disabled by default; enable it in `.apigw-lint.yaml` (`enable:
#   [APIGW707]`).
#
#   A REST API without an endpoint configuration is `EDGE`. OpenAPI
#   documents are not reported: the endpoint type is chosen when they are
#   imported. Unknown endpoint types are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
# custom:
#   id: APIGW707
#   name: endpoint-not-private
#   severity: warning
#   tags: [security, network]
package apigw.rules.security.endpoint_not_private

import data.apigw.lib.result

_name(api) := sprintf("%q", [api.name.value]) if api.name.known

else := api.ref if api.ref != ""

else := api.id

_declared(api) if api.ref != ""

deny contains finding if {
	some api in input.apis
	api.kind == "rest"
	api.source != "openapi"
	_declared(api)
	not api.endpoint_type
	finding := result.fail(rego.metadata.chain(), api.range, sprintf(
		"REST API %s is EDGE (no endpoint configuration), not PRIVATE; set the endpoint type to PRIVATE with VPC endpoints, or disable APIGW707 if public APIs are allowed",
		[_name(api)],
	))
}

deny contains finding if {
	some api in input.apis
	api.kind == "rest"
	api.source != "openapi"
	api.endpoint_type.known
	upper(api.endpoint_type.value) != "PRIVATE"
	finding := result.fail(rego.metadata.chain(), api.endpoint_type.range, sprintf(
		"REST API %s is %s, not PRIVATE; set the endpoint type to PRIVATE with VPC endpoints, or disable APIGW707 if public APIs are allowed",
		[_name(api), upper(api.endpoint_type.value)],
	))
}
