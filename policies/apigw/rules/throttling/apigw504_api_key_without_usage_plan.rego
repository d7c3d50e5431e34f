# METADATA
# title: APIGW504 api-key-without-usage-plan
# description: |
#   A method requires an API key, but its stage is in no usage plan, or in plans with no key attached: every call gets 403.
#
#   API Gateway accepts a key for a method with `api_key_required = true`
#   only when the key is attached (`aws_api_gateway_usage_plan_key`) to a
#   usage plan whose `api_stages` include the stage the call goes to. With
#   no such plan, or plans without keys, no key can ever be valid and every
#   call is answered `403 Forbidden`.
#
#   Nothing is reported when a usage plan or a usage plan key could not be
#   tied to its stage or plan (an unresolved reference, a dynamic block, a
#   module that was not read). Keys attached outside Terraform are not
#   seen: if that is how keys are managed, suppress the finding with a
#   reason.
#
#   Add the stage to a usage plan's `api_stages` and attach API keys with
#   `aws_api_gateway_usage_plan_key`, or drop `api_key_required`.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
# custom:
#   id: APIGW504
#   name: api-key-without-usage-plan
#   severity: error
#   tags: [correctness, api-keys]
package apigw.rules.throttling.api_key_without_usage_plan

import data.apigw.lib.index
import data.apigw.lib.result

_requires_key(method) if {
	method.api_key_required.known
	lower(method.api_key_required.value) == "true"
}

_plan(id) := index.usage_plans[id]

_named(stage) if stage.name.value != ""

_name(stage) := sprintf("%q", [stage.name.value]) if _named(stage)

_name(stage) := stage.ref if not _named(stage)

_keyed_stages contains [api, method, stage] if {
	some stage in input.stages
	stage.version == "v1"
	stage.plans_known
	api := index.apis[stage.api_link.id]
	api.kind == "rest"
	some method in api.methods
	_requires_key(method)
}

deny contains finding if {
	some [api, method, stage] in _keyed_stages
	count(object.get(stage, "plans", [])) == 0
	finding := result.fail(rego.metadata.chain(), method.api_key_required.range, sprintf(
		"%s %s requires an API key, but stage %s is in no usage plan, so no key is valid there and every call gets 403; add the stage to a usage plan's api_stages and attach keys with aws_api_gateway_usage_plan_key, or drop api_key_required",
		[method.verb, method.path, _name(stage)],
	))
}

deny contains finding if {
	some [api, method, stage] in _keyed_stages
	count(stage.plans) > 0
	every link in stage.plans {
		plan := _plan(link.id)
		plan.keys_known
		count(object.get(plan, "keys", [])) == 0
	}
	finding := result.fail(rego.metadata.chain(), method.api_key_required.range, sprintf(
		"%s %s requires an API key, but no usage plan of stage %s has a key attached, so every call gets 403; attach keys with aws_api_gateway_usage_plan_key, or drop api_key_required",
		[method.verb, method.path, _name(stage)],
	))
}
