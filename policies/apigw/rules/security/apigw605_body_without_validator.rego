# METADATA
# title: APIGW605 body-without-validator
# description: |
#   A REST method that takes a request body has no request validator checking it.
#
#   Without a request validator that validates the body
#   (`aws_api_gateway_request_validator` with `validate_request_body = true`
#   named by `request_validator_id`; CloudFormation `RequestValidatorId`;
#   OpenAPI `x-amazon-apigateway-request-validator`), API Gateway passes any
#   body to the backend, which must then reject malformed input itself.
#
#   This is a note: validating in the backend is a legitimate choice, and
#   body validation needs a request model to be useful. Only `POST`, `PUT`
#   and `PATCH` methods of REST APIs are considered (HTTP APIs have no
#   request validation); methods whose validator cannot be read are not
#   reported, nor OpenAPI documents without API Gateway extensions.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
# custom:
#   id: APIGW605
#   name: body-without-validator
#   severity: note
#   tags: [security, validation]
package apigw.rules.security.body_without_validator

import data.apigw.lib.result

# The files that another API embeds as its body, computed once: a lookup
# per API over every API would be quadratic.
_body_files := {other.body_file | some other in input.apis; other.body_file}

_is_body(api) if {
	api.source == "openapi"
	api.range.filename in _body_files
	not api.body_file
}

# _reads_validators: the method comes from a source whose validators the
# model reads: an API Gateway OpenAPI document, or a method resource.
_reads_validators(api, m) if {
	startswith(m.id, "openapi:")
	api.export
}

_reads_validators(api, m) if not startswith(m.id, "openapi:")

_unvalidated(m) if not m.body_validation

_unvalidated(m) if {
	m.body_validation.known
	lower(m.body_validation.value) == "false"
}

_at(m) := m.body_validation.range if m.body_validation.range

else := m.range

deny contains finding if {
	some api in input.apis
	api.kind == "rest"
	not _is_body(api)
	some m in api.methods
	upper(m.verb) in {"POST", "PUT", "PATCH"}
	_reads_validators(api, m)
	_unvalidated(m)
	finding := result.fail(rego.metadata.chain(), _at(m), sprintf(
		"%s %s takes a request body that no request validator checks, so any payload reaches the backend; add a request validator with body validation and a request model, or keep validating in the backend",
		[m.verb, m.path],
	))
}
