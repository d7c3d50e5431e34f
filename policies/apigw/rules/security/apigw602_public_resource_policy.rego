# METADATA
# title: APIGW602 public-resource-policy
# description: |
#   A REST API's resource policy allows every principal with no condition.
#
#   A statement with `"Effect": "Allow"` and `"Principal": "*"` (or
#   `{"AWS": "*"}`) and no `Condition` lets any caller, from any account
#   or none, invoke what it names. A resource policy is usually there to
#   narrow who can call the API: its source VPC or VPC endpoint
#   (`aws:SourceVpc`, `aws:SourceVpce`), IP ranges (`aws:SourceIp`) or
#   organisation (`aws:PrincipalOrgID`).
#
#   Not reported: a policy that also has a `Deny` statement with a
#   condition (the documented private API pattern: allow `*`, deny what
#   does not come through the VPC endpoint), and policies whose JSON cannot
#   be read (a data source, a variable; an intrinsic or an interpolation
#   inside a string is fine).
#
#   Add a `Condition` to the statement, or a `Deny` statement with one.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
# custom:
#   id: APIGW602
#   name: public-resource-policy
#   severity: warning
#   tags: [security, resource-policy]
package apigw.rules.security.public_resource_policy

import data.apigw.lib.result

# _text is the policy's JSON: known, or with its unknown parts in place
# (a CloudFormation intrinsic inside the document, a Terraform
# interpolation inside a string), whose shape can still be read.
_text(v) := v.value if v.known

else := v.partial if v.partial

_statements(doc) := doc.Statement if is_array(doc.Statement)

_statements(doc) := [doc.Statement] if is_object(doc.Statement)

_star("*") := true

_star(p) if p.AWS == "*"

_star(p) if {
	is_array(p.AWS)
	"*" in p.AWS
}

_conditioned(s) if {
	is_object(s.Condition)
	count(s.Condition) > 0
}

_narrowed(doc) if {
	some s in _statements(doc)
	lower(s.Effect) == "deny"
	_conditioned(s)
}

deny contains finding if {
	some api in input.apis
	api.kind == "rest"
	text := _text(api.policy)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
	not _narrowed(doc)
	some s in _statements(doc)
	lower(s.Effect) == "allow"
	_star(s.Principal)
	not _conditioned(s)
	finding := result.fail(rego.metadata.chain(), api.policy.range, sprintf(
		"the resource policy of API %s allows Principal \"*\" with no Condition, so anyone can invoke it; add a Condition (aws:SourceVpce, aws:SourceIp, aws:PrincipalOrgID) or a Deny statement with one",
		[_name(api)],
	))
}

_name(api) := sprintf("%q", [api.name.value]) if api.name.known

else := api.ref if api.ref != ""

else := api.id
