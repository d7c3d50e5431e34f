package apigw.rules.throttling.throttle_limits_test

import data.apigw.rules.throttling.throttle_limits

_range := {"filename": "main.tf", "line": 7, "column": 29, "end_line": 7, "end_column": 34}

_lit(v) := {"value": v, "known": true, "range": _range}

_ms(rate, burst) := {"method_path": _lit("*/*"), "rate_limit": _lit(rate), "burst_limit": _lit(burst)}

test_rate_above_account_reported if {
	findings := throttle_limits.deny with input as {"method_settings": [_ms("20000", "5000")]}
	some f in findings
	f.rule_id == "APIGW502"
	f.severity == "warning"
	f.range == _range
	contains(f.message, "rate limit 20000 is above the account limit of 10000")
}

test_configured_ceiling_respected if {
	count(throttle_limits.deny) == 0 with input as {
		"method_settings": [_ms("20000", "20000")],
		"parameters": {"throttle_max_rate": 50000, "throttle_max_burst": 25000},
	}
}

test_success_burst_below_rate if {
	count(throttle_limits.deny) == 0 with input as {"method_settings": [_ms("100", "50")]}
}

test_success_unset_and_within if {
	count(throttle_limits.deny) == 0 with input as {"method_settings": [_ms("-1", "-1"), _ms("100", "200")]}
}

test_success_unknown if {
	unk := {"known": false, "ref": "var.rate"}
	inp := {"method_settings": [{"rate_limit": unk, "burst_limit": unk}]}
	count(throttle_limits.deny) == 0 with input as inp
}

test_plan_above_stage_reported if {
	inp := {
		"stages": [{"id": "s", "version": "v1", "name": {"value": "prod", "known": true}, "settings_known": true, "settings": [_ms("100", "200")]}],
		"usage_plans": [{"rate_limit": _lit("500"), "burst_limit": _lit("1000"), "stages": [{"stage_link": {"id": "s"}}]}],
	}
	findings := throttle_limits.deny with input as inp
	count(findings) == 2
	some f in findings
	contains(f.message, "above stage \"prod\"'s \"*/*\" rate limit 100")
}

test_success_plan_below_stage if {
	inp := {
		"stages": [{"id": "s", "version": "v1", "settings_known": true, "settings": [_ms("100", "200")]}],
		"usage_plans": [{"rate_limit": _lit("10"), "burst_limit": _lit("20"), "stages": [{"stage_link": {"id": "s"}}]}],
	}
	count(throttle_limits.deny) == 0 with input as inp
}
