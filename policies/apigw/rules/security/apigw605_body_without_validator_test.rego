package apigw.rules.security.body_without_validator_test

import data.apigw.rules.security.body_without_validator

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_lit(v) := {"value": v, "known": true, "range": _range}

_input(m) := {"apis": [{"id": "a", "kind": "rest", "source": "terraform", "methods": [object.union({"id": "tf:m", "verb": "POST", "path": "/pets", "range": _range}, m)]}]}

test_post_without_validator_reported if {
	some f in body_without_validator.deny with input as _input({})
	f.rule_id == "APIGW605"
	f.severity == "note"
}

test_validator_without_body_reported if {
	count(body_without_validator.deny) == 1 with input as _input({"body_validation": _lit("false")})
}

test_success_validated if {
	count(body_without_validator.deny) == 0 with input as _input({"body_validation": _lit("true")})
}

test_success_get_and_options if {
	count(body_without_validator.deny) == 0 with input as _input({"verb": "GET"})
	count(body_without_validator.deny) == 0 with input as _input({"verb": "OPTIONS"})
}

test_success_plain_openapi if {
	count(body_without_validator.deny) == 0 with input as _input({"id": "openapi:x.yaml#POST /pets"})
}
