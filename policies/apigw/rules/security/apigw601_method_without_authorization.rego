# METADATA
# title: APIGW601 method-without-authorization
# description: |
#   A method anyone on the internet can call: no authorizer, no API key, no resource policy.
#
#   A REST method with `authorization = "NONE"` (CloudFormation
#   `AuthorizationType: NONE`, or an OpenAPI operation with no `security`),
#   that needs no API key, on an API without a resource policy, answers every
#   caller. An HTTP API route without `authorization_type` (or with `NONE`)
#   is the same: HTTP APIs have neither API keys nor resource policies.
#
#   Not reported:
#   - `OPTIONS` methods, in any case: CORS preflight requests carry no
#     credentials, so a preflight method must be open (often a `MOCK`
#     integration). Some scanners exempt the misspelt verb `"OPTION"` and
#     flag every real preflight; this rule does not.
#   - methods of a `PRIVATE` API, reachable only through VPC endpoints, or
#     of an API whose endpoint type is unknown;
#   - methods of an API with a resource policy (Terraform `policy`,
#     `aws_api_gateway_rest_api_policy`, CloudFormation `Policy`, OpenAPI
#     `x-amazon-apigateway-policy`), whatever it says: APIGW602 checks
#     the policy itself;
#   - methods whose authorization or key requirement is unknown (a
#     variable, a security scheme that cannot be read), and methods of an
#     API that is not declared in the scanned tree, or that an
#     `aws_api_gateway_rest_api_policy` not tied to an API may protect;
#   - a standalone OpenAPI document without `x-amazon-apigateway-policy`:
#     a policy may be attached outside it (the CLI, a stack that reads it
#     from S3). Its operations are checked when a Terraform `body` or a
#     CloudFormation/SAM `Body`/`DefinitionBody` embeds it.
#
#   A public endpoint on purpose (a health check, a public catalogue) is a
#   legitimate choice: suppress the finding with a reason. Otherwise set an
#   authorizer (`CUSTOM`, `COGNITO_USER_POOLS`, `AWS_IAM`, or `JWT` on HTTP
#   APIs), require an API key, or attach a resource policy that limits the
#   callers (source VPC, IP ranges, organisation).
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: APIGW601
#   name: method-without-authorization
#   severity: warning
#   tags: [security, authorization]
package apigw.rules.security.method_without_authorization

import data.apigw.lib.result

# _authz is the method's known authorization type, upper case. An HTTP API
# route that does not set one (Terraform, CloudFormation) is NONE.
_authz(api, m) := upper(m.authorization.value) if m.authorization.known

_authz(api, m) := "NONE" if {
	not m.authorization
	api.kind == "http"
	api.source != "openapi"
	not startswith(m.id, "openapi:")
}

_no_key(m) if {
	m.api_key_required.known
	lower(m.api_key_required.value) == "false"
}

_no_key(m) if not m.api_key_required

# _public holds for an API whose endpoint type is known not to be PRIVATE
# (absent means the EDGE default).
_public(api) if not api.endpoint_type

_public(api) if {
	api.endpoint_type.known
	upper(api.endpoint_type.value) != "PRIVATE"
}

# _unprotected holds for an API known to have no resource policy. HTTP APIs
# cannot have one.
_unprotected(api) if api.kind == "http"

_unprotected(api) if {
	api.kind == "rest"
	api.policy_known
	not api.policy
}

# _is_body holds for a standalone OpenAPI document that is also another
# API's body: that API, whose arguments may add a policy, is checked.
_is_body(api) if {
	api.source == "openapi"
	some other in input.apis
	other.id != api.id
	other.body_file == api.range.filename
}

_at(m) := m.authorization.range if m.authorization.range

else := m.range

_advice(api) := "set an authorizer (authorization_type JWT, CUSTOM or AWS_IAM) on the route, or suppress this finding with a reason if the route is public on purpose" if api.kind == "http"

else := "set an authorizer (CUSTOM, COGNITO_USER_POOLS or AWS_IAM), require an API key, or attach a resource policy that limits the callers; suppress this finding with a reason if the method is public on purpose"

deny contains finding if {
	some api in input.apis
	api.kind in {"rest", "http"}
	_public(api)
	_unprotected(api)
	not _is_body(api)
	some m in api.methods
	upper(m.verb) != "OPTIONS"
	_authz(api, m) == "NONE"
	_no_key(m)
	finding := result.fail(rego.metadata.chain(), _at(m), sprintf(
		"%s %s has no authorization, needs no API key and its API has no resource policy, so anyone on the internet can call it; %s",
		[m.verb, m.path, _advice(api)],
	))
}
