package apigw.rules.acme.public_method_authorizer_test

import data.apigw.rules.acme.public_method_authorizer

_r := {"filename": "main.tf", "line": 9, "column": 19, "end_line": 9, "end_column": 25}

_input(verb, auth, key) := {"apis": [{"methods": [{
	"verb": verb,
	"path": "/orders",
	"authorization": {"value": auth, "known": true, "range": _r},
	"api_key_required": {"value": key, "known": true, "range": _r},
}]}]}

test_open_method_reported if {
	findings := public_method_authorizer.deny with input as _input("GET", "NONE", "false")
	some f in findings
	f.rule_id == "ACME002"
	f.severity == "error"
}

test_success_options_preflight if {
	count(public_method_authorizer.deny) == 0 with input as _input("OPTIONS", "NONE", "false")
}

test_success_api_key if {
	count(public_method_authorizer.deny) == 0 with input as _input("GET", "NONE", "true")
}

test_success_iam if {
	count(public_method_authorizer.deny) == 0 with input as _input("GET", "AWS_IAM", "false")
}
