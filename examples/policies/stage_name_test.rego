package apigw.rules.acme.stage_name_test

import data.apigw.rules.acme.stage_name

_r := {"filename": "main.tf", "line": 4, "column": 16, "end_line": 4, "end_column": 22}

test_unknown_stage_name_reported if {
	findings := stage_name.deny with input as {"stages": [{"name": {"value": "qa2", "known": true, "range": _r}}]}
	some f in findings
	f.rule_id == "ACME001"
	f.range == _r
}

test_success_prod if {
	count(stage_name.deny) == 0 with input as {"stages": [{"name": {"value": "prod", "known": true, "range": _r}}]}
}

test_success_unknown_name if {
	count(stage_name.deny) == 0 with input as {"stages": [{"name": {"known": false, "ref": "var.stage", "range": _r}}]}
}
