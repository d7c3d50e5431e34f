# METADATA
# title: APIGW502 throttle-limits
# description: |
#   A throttle limit that cannot take effect: above the account limit, or a usage plan limit above its stage's limit.
#
#   API Gateway applies usage plan limits (per API key), then the stage's
#   method limits (all clients together), then the account limit per Region,
#   10,000 requests per second with a burst of 5,000 by default. A limit
#   above the account limit is capped by it: raise the account quota first,
#   or lower the limit (when the account quota was raised, set the ceilings
#   in the configuration: `parameters.throttle-max-rate` and `parameters.throttle-max-burst`). A
#   usage plan limit above the stage's `*/*` limit is never reached, since
#   all keys together are held to the stage's limit.
#
#   A burst below the rate is not reported: AWS's own account default
#   (rate 10,000, burst 5,000) is one, and the bucket refills continuously.
#
#   Limits of -1 (the provider's "not set"), 0 (APIGW503) and unknown
#   values are not compared.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
# custom:
#   id: APIGW502
#   name: throttle-limits
#   severity: warning
#   tags: [correctness, throttling]
package apigw.rules.throttling.throttle_limits

import data.apigw.lib.index
import data.apigw.lib.result

default _max_rate := 10000

_max_rate := input.parameters.throttle_max_rate if is_number(input.parameters.throttle_max_rate)

default _max_burst := 5000

_max_burst := input.parameters.throttle_max_burst if is_number(input.parameters.throttle_max_burst)

# _limit is a known positive limit (-1 is unset, 0 is APIGW503).
_limit(v) := n if {
	v.known
	regex.match(`^[0-9]+(\.[0-9]+)?$`, v.value)
	n := to_number(v.value)
	n > 0
}

# _throttles are every throttle of the model with what it is: REST method
# settings, v2 route settings, usage plan throttles and their per-method
# throttles.
_throttles contains [t, "method settings"] if some t in input.method_settings

_throttles contains [t, "route settings"] if {
	some stage in input.stages
	stage.version == "v2"
	some t in stage.settings
}

_throttles contains [plan, "usage plan"] if some plan in input.usage_plans

_throttles contains [t, "usage plan method throttle"] if {
	some plan in input.usage_plans
	some ps in plan.stages
	some t in ps.throttles
}

deny contains finding if {
	some [t, what] in _throttles
	n := _limit(t.rate_limit)
	n > _max_rate
	finding := result.fail(rego.metadata.chain(), t.rate_limit.range, sprintf(
		"%s rate limit %v is above the account limit of %v requests per second, which caps it, so clients get 429 before it is reached; lower it, or raise the account quota first (and set parameters.throttle-max-rate in .apigw-lint.yaml)",
		[what, n, _max_rate],
	))
}

deny contains finding if {
	some [t, what] in _throttles
	n := _limit(t.burst_limit)
	n > _max_burst
	finding := result.fail(rego.metadata.chain(), t.burst_limit.range, sprintf(
		"%s burst limit %v is above the account burst of %v, which caps it, so clients get 429 before it is reached; lower it (and set parameters.throttle-max-burst in .apigw-lint.yaml if the account quota was raised)",
		[what, n, _max_burst],
	))
}

_stage(id) := index.stages[id]

# _stage_limit is the stage's "*/*" limit k.
_stage_limit(stage, k) := min([n |
	some ms in stage.settings
	ms.method_path.value == "*/*"
	n := _limit(ms[k])
])

# _per_method holds when the stage overrides some methods' limits.
_per_method(stage) if {
	some ms in stage.settings
	ms.method_path.value != "*/*"
	some k in ["rate_limit", "burst_limit"]
	ms[k]
}

_plan_vs_stage contains [t, "usage plan", stage] if {
	some plan in input.usage_plans
	some ps in plan.stages
	stage := _stage(ps.stage_link.id)
	stage.settings_known
	not _per_method(stage)
	some t in [plan]
}

_plan_vs_stage contains [t, "usage plan method throttle", stage] if {
	some plan in input.usage_plans
	some ps in plan.stages
	stage := _stage(ps.stage_link.id)
	stage.settings_known
	not _per_method(stage)
	some t in ps.throttles
}

_named(stage) if stage.name.value != ""

_name(stage) := sprintf("%q", [stage.name.value]) if _named(stage)

_name(stage) := stage.ref if not _named(stage)

deny contains finding if {
	some [t, what, stage] in _plan_vs_stage
	some k in ["rate_limit", "burst_limit"]
	n := _limit(t[k])
	s := _stage_limit(stage, k)
	n > s
	n <= {"rate_limit": _max_rate, "burst_limit": _max_burst}[k]
	finding := result.fail(rego.metadata.chain(), t[k].range, sprintf(
		"%s %s %v per API key is above stage %s's \"*/*\" %s %v, which holds all clients together, so no key can reach it; lower it to at most %v or raise the stage's limit",
		[what, replace(k, "_", " "), n, _name(stage), replace(k, "_", " "), s, s],
	))
}
