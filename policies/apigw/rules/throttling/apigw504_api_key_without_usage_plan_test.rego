package apigw.rules.throttling.api_key_without_usage_plan_test

import data.apigw.rules.throttling.api_key_without_usage_plan

_range := {"filename": "main.tf", "line": 9, "column": 22, "end_line": 9, "end_column": 26}

_lit(v) := {"value": v, "known": true}

_input(stage, plans) := {
	"apis": [{"id": "a", "kind": "rest", "methods": [{
		"verb": "GET", "path": "/pets",
		"api_key_required": object.union(_lit("true"), {"range": _range}),
	}]}],
	"stages": [object.union({"id": "s", "version": "v1", "name": _lit("prod"), "api_link": {"id": "a"}, "plans_known": true}, stage)],
	"usage_plans": plans,
}

test_stage_in_no_plan_reported if {
	findings := api_key_without_usage_plan.deny with input as _input({}, [])
	some f in findings
	f.rule_id == "APIGW504"
	f.severity == "error"
	f.range == _range
	contains(f.message, "in no usage plan")
}

test_plan_without_keys_reported if {
	findings := api_key_without_usage_plan.deny with input as _input({"plans": [{"id": "p"}]}, [{"id": "p", "keys_known": true}])
	some f in findings
	contains(f.message, "no usage plan of stage \"prod\" has a key")
}

test_success_plan_with_key if {
	inp := _input({"plans": [{"id": "p"}]}, [{"id": "p", "keys_known": true, "keys": [{"id": "k"}]}])
	count(api_key_without_usage_plan.deny) == 0 with input as inp
}

test_success_keys_unknown if {
	inp := _input({"plans": [{"id": "p"}]}, [{"id": "p", "keys_known": false}])
	count(api_key_without_usage_plan.deny) == 0 with input as inp
}

test_success_plans_unknown if {
	count(api_key_without_usage_plan.deny) == 0 with input as _input({"plans_known": false}, [])
}

test_success_key_requirement_unknown if {
	inp := json.patch(_input({}, []), [{"op": "replace", "path": "/apis/0/methods/0/api_key_required", "value": {"known": false, "ref": "var.keyed"}}])
	count(api_key_without_usage_plan.deny) == 0 with input as inp
}
