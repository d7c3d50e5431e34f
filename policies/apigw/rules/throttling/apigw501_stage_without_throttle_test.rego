package apigw.rules.throttling.stage_without_throttle_test

import data.apigw.rules.throttling.stage_without_throttle

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 40}

_lit(v) := {"value": v, "known": true}

_stage(extra) := object.union(
	{
		"id": "s", "version": "v1", "range": _range, "name": _lit("prod"),
		"settings_known": true, "plans_known": true,
	},
	extra,
)

test_stage_without_settings_or_plan_reported if {
	findings := stage_without_throttle.deny with input as {"stages": [_stage({})]}
	some f in findings
	f.rule_id == "APIGW501"
	f.severity == "warning"
	f.range == _range
	contains(f.message, "\"prod\"")
}

test_unset_minus_one_reported if {
	ms := {"method_path": _lit("*/*"), "rate_limit": _lit("-1"), "burst_limit": _lit("-1")}
	count(stage_without_throttle.deny) == 1 with input as {"stages": [_stage({"settings": [ms]})]}
}

test_success_star_settings_limit if {
	ms := {"method_path": _lit("*/*"), "rate_limit": _lit("100")}
	count(stage_without_throttle.deny) == 0 with input as {"stages": [_stage({"settings": [ms]})]}
}

test_success_unknown_limit if {
	ms := {"method_path": _lit("*/*"), "rate_limit": {"known": false, "ref": "var.rate"}}
	count(stage_without_throttle.deny) == 0 with input as {"stages": [_stage({"settings": [ms]})]}
}

test_success_settings_unknown if {
	count(stage_without_throttle.deny) == 0 with input as {"stages": [_stage({"settings_known": false})]}
}

test_success_plans_unknown if {
	count(stage_without_throttle.deny) == 0 with input as {"stages": [_stage({"plans_known": false})]}
}

test_success_plan_throttle_all_methods_keyed if {
	inp := {
		"stages": [_stage({"plans": [{"id": "p"}]})],
		"usage_plans": [{"id": "p", "rate_limit": _lit("10")}],
	}
	count(stage_without_throttle.deny) == 0 with input as inp
}

test_plan_throttle_keyless_methods_reported if {
	inp := {
		"stages": [_stage({"plans": [{"id": "p"}], "keyless_methods": ["GET /health"]})],
		"usage_plans": [{"id": "p", "rate_limit": _lit("10")}],
	}
	findings := stage_without_throttle.deny with input as inp
	some f in findings
	contains(f.message, "GET /health")
}

test_plan_without_throttle_reported if {
	inp := {
		"stages": [_stage({"plans": [{"id": "p"}]})],
		"usage_plans": [{"id": "p"}],
	}
	count(stage_without_throttle.deny) == 1 with input as inp
}

test_success_http_stage if {
	count(stage_without_throttle.deny) == 0 with input as {"stages": [_stage({"version": "v2"})]}
}
