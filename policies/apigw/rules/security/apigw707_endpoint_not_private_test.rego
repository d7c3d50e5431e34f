package apigw.rules.security.endpoint_not_private_test

import data.apigw.rules.security.endpoint_not_private

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_api(extra) := object.union({"id": "a", "kind": "rest", "source": "terraform", "ref": "aws_api_gateway_rest_api.a", "range": _range}, extra)

test_edge_default_reported if {
	some f in endpoint_not_private.deny with input as {"apis": [_api({})]}
	f.rule_id == "APIGW707"
	contains(f.message, "EDGE")
}

test_regional_reported if {
	count(endpoint_not_private.deny) == 1 with input as {"apis": [_api({"endpoint_type": {"value": "REGIONAL", "known": true, "range": _range}})]}
}

test_success_private_unknown_openapi if {
	count(endpoint_not_private.deny) == 0 with input as {"apis": [_api({"endpoint_type": {"value": "PRIVATE", "known": true}})]}
	count(endpoint_not_private.deny) == 0 with input as {"apis": [_api({"endpoint_type": {"known": false, "ref": "var.t"}})]}
	count(endpoint_not_private.deny) == 0 with input as {"apis": [_api({"source": "openapi"})]}
}
