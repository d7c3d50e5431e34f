package apigw.rules.security.stage_without_waf_test

import data.apigw.rules.security.stage_without_waf

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_lit(v) := {"value": v, "known": true, "range": _range}

_input(api, wafs) := {
	"apis": [object.union({"id": "a", "kind": "rest"}, api)],
	"stages": [{"id": "s", "version": "v1", "range": _range, "name": _lit("prod"), "api_link": {"id": "a"}}],
	"waf_associations": wafs,
}

test_public_stage_without_waf_reported if {
	some f in stage_without_waf.deny with input as _input({}, [])
	f.rule_id == "APIGW705"
	f.severity == "note"
}

test_regional_reported if {
	count(stage_without_waf.deny) == 1 with input as _input({"endpoint_type": _lit("REGIONAL")}, [{"target": {"id": "alb"}}])
}

test_success_waf if {
	count(stage_without_waf.deny) == 0 with input as _input({}, [{"target": {"id": "s"}}])
}

test_success_private if {
	count(stage_without_waf.deny) == 0 with input as _input({"endpoint_type": _lit("PRIVATE")}, [])
}

test_success_unknowable_association if {
	count(stage_without_waf.deny) == 0 with input as _input({}, [{"resource_arn": {"known": false, "ref": "var.stage_arn"}}])
}

test_no_association_at_all_reported if {
	inp := json.remove(_input({}, []), ["waf_associations"])
	count(stage_without_waf.deny) == 1 with input as inp
}
