# METADATA
# title: APIGW501 stage-without-throttle
# description: |
#   A REST stage has no throttle at all, so only the account-wide limit protects it.
#
#   API Gateway applies, in order, usage plan limits (per API key), the
#   stage's method throttles, then the account limit per Region (10,000
#   requests per second, burst 5,000 by default), which every REST, HTTP and
#   WebSocket API of the account in that Region shares. A stage without
#   `*/*` method settings limits and without a usage plan throttle lets one
#   client, or one runaway caller, spend the whole account's limit and get
#   every other API of the Region throttled (429).
#
#   A usage plan's throttle applies per API key, and only to methods that
#   require one (`api_key_required = true`): it does not limit the others,
#   so a stage whose API has methods without a key requirement is reported
#   even when a usage plan with a throttle covers it.
#
#   The Terraform provider's `-1` for `throttling_rate_limit` and
#   `throttling_burst_limit` means "not set". A stage with per-method limits
#   only is not reported. Nothing is reported when a method settings
#   resource or a usage plan could not be tied to its stage (an unresolved
#   reference, a dynamic block, a module that was not read).
#
#   Add an `aws_api_gateway_method_settings` with `method_path = "*/*"` and
#   `settings { throttling_rate_limit, throttling_burst_limit }` sized for
#   the backend.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
# custom:
#   id: APIGW501
#   name: stage-without-throttle
#   severity: warning
#   tags: [reliability, throttling]
package apigw.rules.throttling.stage_without_throttle

import data.apigw.lib.index
import data.apigw.lib.result

_num(v) := to_number(v.value) if {
	v.known
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v.value)
}

# _maybe_set holds for a limit that is set, or may be: present and not the
# provider's -1 (unset).
_maybe_set(v) if {
	v != null
	not _unset(v)
}

_unset(v) if _num(v) < 0

_limits(ms) if _maybe_set(ms.rate_limit)

_limits(ms) if _maybe_set(ms.burst_limit)

_plan(id) := index.usage_plans[id]

# _plan_throttles holds when a usage plan that covers the stage throttles
# (or may throttle) its API keys.
_plan_throttles(stage) if {
	some link in stage.plans
	plan := _plan(link.id)
	_limits(plan)
}

_plan_throttles(stage) if {
	some link in stage.plans
	plan := _plan(link.id)
	some ps in plan.stages
	ps.stage_link.id == stage.id
	some t in ps.throttles
	_limits(t)
}

_candidates contains stage if {
	some stage in input.stages
	stage.version == "v1"
	stage.settings_known
	stage.plans_known
	not _stage_limited(stage)
}

_stage_limited(stage) if {
	some ms in stage.settings
	_limits(ms)
}

_named(stage) if stage.name.value != ""

_name(stage) := sprintf("%q", [stage.name.value]) if _named(stage)

_name(stage) := stage.ref if not _named(stage)

deny contains finding if {
	some stage in _candidates
	not _plan_throttles(stage)
	finding := result.fail(rego.metadata.chain(), stage.range, sprintf(
		"stage %s has no throttle: no \"*/*\" method settings limit and no usage plan throttle, so only the account-wide limit, shared with every API in the region, protects it and one client can exhaust it (other APIs then get 429); add aws_api_gateway_method_settings with method_path \"*/*\" and throttling_rate_limit/throttling_burst_limit",
		[_name(stage)],
	))
}

deny contains finding if {
	some stage in _candidates
	_plan_throttles(stage)
	count(stage.keyless_methods) > 0
	methods := stage.keyless_methods
	finding := result.fail(rego.metadata.chain(), stage.range, sprintf(
		"stage %s has no \"*/*\" method settings limit, and its usage plan throttle applies per API key, so the %d method(s) that need no key (%s) are limited only by the account-wide limit shared with every API in the region; add aws_api_gateway_method_settings with method_path \"*/*\" and throttling_rate_limit/throttling_burst_limit",
		[_name(stage), count(methods), concat(", ", array.slice(methods, 0, 3))],
	))
}
