package apigw.rules.logging.data_trace_enabled_test

import data.apigw.rules.logging.data_trace_enabled

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_lit(v) := {"value": v, "known": true, "range": _range}

test_data_trace_reported if {
	some f in data_trace_enabled.deny with input as {"method_settings": [{"id": "m", "method_path": _lit("*/*"), "data_trace": _lit("true")}]}
	f.rule_id == "APIGW702"
	f.range == _range
}

test_v2_route_settings_reported if {
	count(data_trace_enabled.deny) == 1 with input as {"stages": [{"settings": [{"id": "d", "method_path": _lit("$default"), "data_trace": _lit("true")}]}]}
}

test_success_off_or_unknown if {
	count(data_trace_enabled.deny) == 0 with input as {"method_settings": [{"id": "m", "data_trace": _lit("false")}]}
	count(data_trace_enabled.deny) == 0 with input as {"method_settings": [{"id": "m", "data_trace": {"known": false, "ref": "var.x"}}]}
}
