package apigw.rules.logging.stage_without_tracing_test

import data.apigw.rules.logging.stage_without_tracing

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_stage(extra) := object.union({"id": "s", "version": "v1", "range": _range, "name": {"value": "prod", "known": true}, "access_logs_known": true}, extra)

test_tracing_absent_reported if {
	some f in stage_without_tracing.deny with input as {"stages": [_stage({})]}
	f.rule_id == "APIGW703"
	f.severity == "note"
}

test_tracing_false_reported if {
	count(stage_without_tracing.deny) == 1 with input as {"stages": [_stage({"xray_tracing": {"value": "false", "known": true, "range": _range}})]}
}

test_success_on_unknown_v2 if {
	count(stage_without_tracing.deny) == 0 with input as {"stages": [_stage({"xray_tracing": {"value": "true", "known": true}})]}
	count(stage_without_tracing.deny) == 0 with input as {"stages": [_stage({"xray_tracing": {"known": false, "ref": "var.x"}})]}
	count(stage_without_tracing.deny) == 0 with input as {"stages": [_stage({"version": "v2"})]}
}
