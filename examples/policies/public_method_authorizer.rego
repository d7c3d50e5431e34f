# METADATA
# title: ACME002 public-method-authorizer
# description: |
#   Every method needs an authorizer or an API key: authorization NONE without
#   a key leaves it open to the internet. CORS preflight (OPTIONS) is exempt.
# custom:
#   id: ACME002
#   name: public-method-authorizer
#   severity: error
package apigw.rules.acme.public_method_authorizer

import data.apigw.lib.result

deny contains finding if {
	some api in input.apis
	some method in api.methods
	method.verb != "OPTIONS"
	method.authorization.known
	upper(method.authorization.value) == "NONE"
	not _key_required(method)
	finding := result.fail(rego.metadata.chain(), method.authorization.range, sprintf(
		"%s %s has no authorizer and requires no API key, so anyone can call it; set authorization to AWS_IAM, CUSTOM or COGNITO_USER_POOLS, or require an API key",
		[method.verb, method.path],
	))
}

_key_required(method) if {
	method.api_key_required.known
	method.api_key_required.value == "true"
}
