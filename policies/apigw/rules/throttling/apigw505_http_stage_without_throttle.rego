# METADATA
# title: APIGW505 http-stage-without-throttle
# description: |
#   An HTTP API stage has no throttle, so only the account-wide limit protects it.
#
#   HTTP API stages are throttled by `default_route_settings` (every route)
#   and `route_settings` (one route key). Without either limit, only the
#   account limit per Region (10,000 requests per second, burst 5,000 by
#   default) applies, which every REST, HTTP and WebSocket API of the
#   account in that Region shares: one client can exhaust it and get every
#   other API throttled (429). HTTP APIs have no usage plans.
#
#   A stage with per-route limits only is not reported. Nothing is reported
#   when the route settings are dynamic blocks or the stage's API is not
#   known to be an HTTP API. A `default_route_settings` block without
#   throttle values is APIGW503.
#
#   Add `default_route_settings { throttling_rate_limit = …,
#   throttling_burst_limit = … }` sized for the backend.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
# custom:
#   id: APIGW505
#   name: http-stage-without-throttle
#   severity: warning
#   tags: [reliability, throttling]
package apigw.rules.throttling.http_stage_without_throttle

import data.apigw.lib.index
import data.apigw.lib.result

_api(id) := index.apis[id]

_named(stage) if stage.name.value != ""

_name(stage) := sprintf("%q", [stage.name.value]) if _named(stage)

_name(stage) := stage.ref if not _named(stage)

# _configured holds when the stage has a default_route_settings block (with
# or without limits: without, it is APIGW503) or a route settings block that
# sets a limit.
_configured(stage) if {
	some ms in stage.settings
	ms.method_path.value == "$default"
}

_configured(stage) if {
	some ms in stage.settings
	some k in ["rate_limit", "burst_limit"]
	ms[k]
}

deny contains finding if {
	some stage in input.stages
	stage.version == "v2"
	stage.settings_known
	_api(stage.api_link.id).kind == "http"
	not _configured(stage)
	finding := result.fail(rego.metadata.chain(), stage.range, sprintf(
		"HTTP API stage %s has no throttle, so only the account-wide limit, shared with every API in the region, protects it and one client can exhaust it (other APIs then get 429); add default_route_settings with throttling_rate_limit and throttling_burst_limit",
		[_name(stage)],
	))
}
