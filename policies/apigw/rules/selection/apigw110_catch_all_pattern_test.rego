package apigw.rules.selection.catch_all_pattern_test

import data.apigw.rules.selection.catch_all_pattern

_range := {"filename": "api.yaml", "line": 3, "column": 5, "end_line": 3, "end_column": 9}

_input(subject, facts, status) := _typed_input("HTTP", subject, facts, status)

_typed_input(type, subject, facts, status) := {"apis": [{"methods": [{"integration": {
	"type": {"value": type, "known": true},
	"subject": subject,
	"responses": [{
		"pattern": {"value": ".*", "known": true, "range": _range},
		"status_code": {"value": status, "known": true},
		"facts": facts,
	}],
}}]}]}

test_lambda_catch_all_on_error_response_reported if {
	findings := catch_all_pattern.deny with input as _input("error_message", {"valid": true, "matches_empty": true}, "500")
	some f in findings
	f.rule_id == "APIGW110"
	f.severity == "error"
	f.range == _range
}

test_lambda_catch_all_on_success_response_warned if {
	findings := catch_all_pattern.deny with input as _input("error_message", {"valid": true, "matches_empty": true}, "200")
	some f in findings
	f.severity == "warning"
}

test_success_lambda_plus_pattern if {
	count(catch_all_pattern.deny) == 0 with input as _input("error_message", {"valid": true, "matches_empty": false}, "500")
}

test_http_catch_all_on_success_reported if {
	findings := catch_all_pattern.deny with input as _input("status_code", {"valid": true, "matches_all_status": true}, "200")
	some f in findings
	f.severity == "warning"
}

test_success_http_specific_pattern if {
	count(catch_all_pattern.deny) == 0 with input as _input("status_code", {"valid": true, "matches_all_status": false, "matches_empty": true}, "200")
}

test_success_unknown_status if {
	inp := {"apis": [{"methods": [{"integration": {"subject": "error_message", "responses": [{
		"pattern": {"value": ".*", "known": true, "range": _range},
		"status_code": {"known": false, "ref": "var.code"},
		"facts": {"valid": true, "matches_empty": true},
	}]}}]}]}
	count(catch_all_pattern.deny) == 0 with input as inp
}

test_success_proxy_integration if {
	count(catch_all_pattern.deny) == 0 with input as _input("none", {"valid": true, "matches_empty": true, "matches_all_status": true}, "200")
}

test_success_mock_catch_all if {
	count(catch_all_pattern.deny) == 0 with input as _typed_input("mock", "status_code", {"valid": true, "matches_all_status": true}, "200")
}
