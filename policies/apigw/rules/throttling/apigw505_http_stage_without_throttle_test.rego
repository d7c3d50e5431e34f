package apigw.rules.throttling.http_stage_without_throttle_test

import data.apigw.rules.throttling.http_stage_without_throttle

_range := {"filename": "main.tf", "line": 12, "column": 1, "end_line": 12, "end_column": 40}

_lit(v) := {"value": v, "known": true}

_input(kind, stage) := {
	"apis": [{"id": "a", "kind": kind}],
	"stages": [object.union({"id": "s", "version": "v2", "range": _range, "name": _lit("$default"), "api_link": {"id": "a"}, "settings_known": true}, stage)],
}

test_http_stage_without_settings_reported if {
	findings := http_stage_without_throttle.deny with input as _input("http", {})
	some f in findings
	f.rule_id == "APIGW505"
	f.severity == "warning"
	f.range == _range
}

test_success_default_route_settings if {
	inp := _input("http", {"settings": [{"method_path": _lit("$default"), "rate_limit": _lit("100"), "burst_limit": _lit("50")}]})
	count(http_stage_without_throttle.deny) == 0 with input as inp
}

test_success_route_limit if {
	inp := _input("http", {"settings": [{"method_path": _lit("GET /x"), "rate_limit": _lit("100")}]})
	count(http_stage_without_throttle.deny) == 0 with input as inp
}

test_route_settings_without_limit_reported if {
	inp := _input("http", {"settings": [{"method_path": _lit("GET /x")}]})
	count(http_stage_without_throttle.deny) == 1 with input as inp
}

test_success_dynamic_settings if {
	count(http_stage_without_throttle.deny) == 0 with input as _input("http", {"settings_known": false})
}

test_success_websocket if {
	count(http_stage_without_throttle.deny) == 0 with input as _input("websocket", {})
}

test_success_api_unknown if {
	inp := json.remove(_input("http", {}), ["stages/0/api_link"])
	count(http_stage_without_throttle.deny) == 0 with input as inp
}
