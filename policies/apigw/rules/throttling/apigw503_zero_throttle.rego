# METADATA
# title: APIGW503 zero-throttle
# description: |
#   A throttle of 0, or HTTP API route settings without throttle values (sent as 0/0): every request gets 429.
#
#   A rate or burst limit of 0 is a real limit, not "unlimited": the token
#   bucket never holds a token, and API Gateway answers every request with
#   `429 Too Many Requests`. This is documented for HTTP API stages; for REST
#   method settings and usage plans it is assumed to behave the same but is
#   not confirmed, so those are reported as notes.
#
#   The Terraform AWS provider sends `throttling_burst_limit` and
#   `throttling_rate_limit` as 0 when a `default_route_settings` or
#   `route_settings` block of an `aws_apigatewayv2_stage` leaves them out
#   (for example a block that only sets `detailed_metrics_enabled`), and
#   `-1` is not accepted there: such a block blocks the stage, or the route.
#
#   Set both throttle values explicitly in every route settings block, and
#   never set a limit to 0 unless the method must be closed.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
#   - ref: https://github.com/terraform-aws-modules/terraform-aws-apigateway-v2/issues/59
# custom:
#   id: APIGW503
#   name: zero-throttle
#   severity: error
#   tags: [correctness, throttling]
package apigw.rules.throttling.zero_throttle

import data.apigw.lib.index
import data.apigw.lib.result

_num(v) := to_number(v.value) if {
	v.known
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v.value)
}

_api(id) := index.apis[id]

# _v2_stages are HTTP API stages, and v2 stages whose API is not in the
# tree; WebSocket stages are left out.
_v2_stages contains stage if {
	some stage in input.stages
	stage.version == "v2"
	not _websocket(stage)
}

_websocket(stage) if _api(stage.api_link.id).kind == "websocket"

_field := {"rate_limit": "throttling_rate_limit", "burst_limit": "throttling_burst_limit"}

_block(ms) := "default_route_settings" if ms.method_path.value == "$default"

_block(ms) := sprintf("route_settings for %q", [ms.method_path.value]) if {
	ms.method_path.known
	ms.method_path.value != "$default"
}

_block(ms) := "route_settings" if not ms.method_path.known

deny contains finding if {
	some stage in _v2_stages
	some ms in stage.settings
	missing := [_field[k] | some k in ["rate_limit", "burst_limit"]; not ms[k]]
	count(missing) > 0
	finding := result.fail(rego.metadata.chain(), ms.range, sprintf(
		"%s sets no %s, which Terraform sends as 0, so every request to the stage gets 429; set throttling_rate_limit and throttling_burst_limit explicitly",
		[_block(ms), concat(" or ", missing)],
	))
}

deny contains finding if {
	some stage in _v2_stages
	some ms in stage.settings
	some k in ["rate_limit", "burst_limit"]
	_num(ms[k]) == 0
	finding := result.fail(rego.metadata.chain(), ms[k].range, sprintf(
		"%s is 0 in %s, so every request gets 429; raise it, or remove the route if it must be closed",
		[_field[k], _block(ms)],
	))
}

# REST: not confirmed that 0 rejects everything (facts §6.2): a note.
deny contains finding if {
	some ms in input.method_settings
	some k in ["rate_limit", "burst_limit"]
	_num(ms[k]) == 0
	finding := result.fail_with_severity(rego.metadata.chain(), "note", ms[k].range, sprintf(
		"%s is 0, which most likely rejects every request with 429 (documented for HTTP APIs; use -1 for \"not set\"); raise it, or confirm the method must be closed",
		[_field[k]],
	))
}

deny contains finding if {
	some plan in input.usage_plans
	some t in array.concat([plan], [t | some ps in plan.stages; some t in ps.throttles])
	some k in ["rate_limit", "burst_limit"]
	_num(t[k]) == 0
	finding := result.fail_with_severity(rego.metadata.chain(), "note", t[k].range, sprintf(
		"usage plan %s is 0, which most likely rejects every request with an API key of the plan with 429 (documented for HTTP APIs); raise it, or remove the throttle to leave it unset",
		[trim_suffix(k, "_limit")],
	))
}
