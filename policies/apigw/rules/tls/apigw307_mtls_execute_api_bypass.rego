# METADATA
# title: APIGW307 mtls-execute-api-bypass
# description: |
#   An API mapped to a mutual-TLS custom domain keeps its default execute-api endpoint enabled.
#
#   Mutual TLS is enforced on the custom domain only. Every API also answers
#   on its default `https://{api-id}.execute-api.{region}.amazonaws.com`
#   endpoint, which asks for no client certificate: a client without one
#   reaches the API through it and bypasses mutual TLS.
#
#   Set `disable_execute_api_endpoint = true` on every API mapped to the
#   domain (REST APIs need a new deployment before it takes effect). An
#   API whose setting stays unknown (a variable without default) is not
#   reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html
# custom:
#   id: APIGW307
#   name: mtls-execute-api-bypass
#   severity: warning
#   tags: [security, tls]
package apigw.rules.tls.mtls_execute_api_bypass

import data.apigw.lib.index
import data.apigw.lib.domain
import data.apigw.lib.result

_api_name(api) := api.name.value if api.name.known

else := api.ref if api.ref

else := api.id


# The default endpoint is enabled when the flag is absent or known false.
_enabled(api) := api.range if not api.disable_execute_api_endpoint

_enabled(api) := api.disable_execute_api_endpoint.range if {
	api.disable_execute_api_endpoint.known
	lower(api.disable_execute_api_endpoint.value) == "false"
}

_fix(api) := "DisableExecuteApiEndpoint: true" if api.source == "cloudformation"

else := "disable_execute_api_endpoint = true"

_bypasses contains [d, api] if {
	some d in input.domains
	d.mutual_tls
	some link in d.mapped_apis
	api := index.apis[link.id]
}

deny contains finding if {
	some [d, api] in _bypasses
	at := _enabled(api)
	finding := result.fail(rego.metadata.chain(), at, sprintf(
		"API %q is mapped to mutual-TLS domain %q but keeps its default execute-api endpoint, where clients connect without a client certificate and bypass mutual TLS; set %s",
		[_api_name(api), domain.name(d), _fix(api)],
	))
}
