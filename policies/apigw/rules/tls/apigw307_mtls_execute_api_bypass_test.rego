package apigw.rules.tls.mtls_execute_api_bypass_test

import data.apigw.rules.tls.mtls_execute_api_bypass

_api_range := {"filename": "main.tf", "line": 20, "column": 1, "end_line": 20, "end_column": 40}

_flag_range := {"filename": "main.tf", "line": 22, "column": 34, "end_line": 22, "end_column": 39}

_input(mtls, api) := {
	"domains": [{
		"id": "aws_api_gateway_domain_name.api",
		"range": {"filename": "infra/domain.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 40},
		"name": {"value": "api.example.com", "known": true},
		"mutual_tls": mtls,
		"mapped_apis": [{"id": "aws_api_gateway_rest_api.r"}],
	}],
	"apis": [object.union({"id": "aws_api_gateway_rest_api.r", "kind": "rest", "range": _api_range, "name": {"value": "orders", "known": true}}, api)],
}

test_default_endpoint_absent_reported if {
	findings := mtls_execute_api_bypass.deny with input as _input(true, {})
	some f in findings
	f.rule_id == "APIGW307"
	f.severity == "warning"
	f.range == _api_range
	contains(f.message, "\"orders\"")
}

test_default_endpoint_false_reported if {
	some f in mtls_execute_api_bypass.deny with input as _input(true, {"disable_execute_api_endpoint": {"value": "false", "known": true, "range": _flag_range}})
	f.range == _flag_range
}

test_success_no_mapped_api if {
	inp := {"domains": [{"id": "d", "mutual_tls": true, "name": {"value": "api.example.com", "known": true}}], "apis": _input(true, {}).apis}
	count(mtls_execute_api_bypass.deny) == 0 with input as inp
}

test_cloudformation_fix_named if {
	inp := object.union(_input(true, {"source": "cloudformation"}), {})
	some f in mtls_execute_api_bypass.deny with input as inp
	contains(f.message, "DisableExecuteApiEndpoint: true")
}

test_success_disabled if {
	count(mtls_execute_api_bypass.deny) == 0 with input as _input(true, {"disable_execute_api_endpoint": {"value": "true", "known": true, "range": _flag_range}})
}

test_success_unknown_flag if {
	count(mtls_execute_api_bypass.deny) == 0 with input as _input(true, {"disable_execute_api_endpoint": {"known": false, "ref": "var.disable", "range": _flag_range}})
}

test_success_no_mtls if {
	count(mtls_execute_api_bypass.deny) == 0 with input as _input(false, {})
}
