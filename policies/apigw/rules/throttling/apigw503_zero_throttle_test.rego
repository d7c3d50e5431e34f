package apigw.rules.throttling.zero_throttle_test

import data.apigw.rules.throttling.zero_throttle

_range := {"filename": "main.tf", "line": 5, "column": 3, "end_line": 5, "end_column": 25}

_lit(v) := {"value": v, "known": true, "range": _range}

_v2(settings) := {
	"apis": [{"id": "a", "kind": "http"}],
	"stages": [{"id": "s", "version": "v2", "api_link": {"id": "a"}, "settings": settings}],
}

test_default_route_settings_without_throttle_reported if {
	findings := zero_throttle.deny with input as _v2([{"range": _range, "method_path": _lit("$default")}])
	some f in findings
	f.rule_id == "APIGW503"
	f.severity == "error"
	f.range == _range
	contains(f.message, "throttling_rate_limit or throttling_burst_limit")
}

test_missing_burst_reported if {
	findings := zero_throttle.deny with input as _v2([{"range": _range, "method_path": _lit("GET /x"), "rate_limit": _lit("10")}])
	some f in findings
	contains(f.message, "sets no throttling_burst_limit")
}

test_zero_rate_reported if {
	findings := zero_throttle.deny with input as _v2([{"range": _range, "method_path": _lit("$default"), "rate_limit": _lit("0"), "burst_limit": _lit("10")}])
	count(findings) == 1
}

test_success_both_set if {
	inp := _v2([{"range": _range, "method_path": _lit("$default"), "rate_limit": _lit("10"), "burst_limit": _lit("20")}])
	count(zero_throttle.deny) == 0 with input as inp
}

test_success_unknown_values if {
	unk := {"known": false, "ref": "var.rate"}
	inp := _v2([{"range": _range, "method_path": _lit("$default"), "rate_limit": unk, "burst_limit": unk}])
	count(zero_throttle.deny) == 0 with input as inp
}

test_success_websocket if {
	inp := json.patch(_v2([{"range": _range, "method_path": _lit("$default")}]), [{"op": "replace", "path": "/apis/0/kind", "value": "websocket"}])
	count(zero_throttle.deny) == 0 with input as inp
}

test_rest_zero_is_a_note if {
	findings := zero_throttle.deny with input as {"method_settings": [{"rate_limit": _lit("0"), "burst_limit": _lit("-1")}]}
	some f in findings
	f.severity == "note"
}

test_success_rest_unset if {
	count(zero_throttle.deny) == 0 with input as {"method_settings": [{"rate_limit": _lit("-1"), "burst_limit": _lit("-1")}]}
}
