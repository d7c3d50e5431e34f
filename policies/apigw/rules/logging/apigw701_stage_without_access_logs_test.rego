package apigw.rules.logging.stage_without_access_logs_test

import data.apigw.rules.logging.stage_without_access_logs

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_stage(extra) := object.union({"id": "s", "version": "v1", "range": _range, "name": {"value": "prod", "known": true}, "access_logs": false, "access_logs_known": true}, extra)

test_stage_without_logs_reported if {
	some f in stage_without_access_logs.deny with input as {"stages": [_stage({})]}
	f.rule_id == "APIGW701"
	f.range == _range
	contains(f.message, "\"prod\"")
}

test_v2_stage_reported if {
	count(stage_without_access_logs.deny) == 1 with input as {"stages": [_stage({"version": "v2"})]}
}

test_success_logs if {
	count(stage_without_access_logs.deny) == 0 with input as {"stages": [_stage({"access_logs": true})]}
}

test_success_unknown if {
	count(stage_without_access_logs.deny) == 0 with input as {"stages": [_stage({"access_logs_known": false})]}
}
