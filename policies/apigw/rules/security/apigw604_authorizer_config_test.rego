package apigw.rules.security.authorizer_config_test

import data.apigw.rules.security.authorizer_config

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_lit(v) := {"value": v, "known": true, "range": _range}

_auth(extra) := object.union({"id": "a", "version": "v1", "range": _range, "name": _lit("jwt"), "type": _lit("TOKEN"), "identity_source": _lit("method.request.header.Authorization"), "provider_arns_known": true}, extra)

_deny(a) := d if {
	d := authorizer_config.deny with input as {"authorizers": [a]}
}

test_ttl_over_3600_reported if {
	some f in _deny(_auth({"ttl": _lit("7200")}))
	f.rule_id == "APIGW604"
	f.severity == "error"
	contains(f.message, "7200")
}

test_success_ttl_3600 if {
	count(_deny(_auth({"ttl": _lit("3600")}))) == 0
}

test_token_query_source_reported if {
	count(_deny(_auth({"identity_source": _lit("method.request.querystring.token")}))) == 1
}

test_token_without_source_reported if {
	count(_deny(json.remove(_auth({}), ["identity_source"]))) == 1
}

test_success_request_authorizer_many_sources if {
	count(_deny(_auth({"type": _lit("REQUEST"), "identity_source": _lit("method.request.header.A, method.request.querystring.b")}))) == 0
}

test_cognito_without_pools_reported if {
	count(_deny(_auth({"type": _lit("COGNITO_USER_POOLS")}))) == 1
}

test_success_cognito_with_pools if {
	count(_deny(_auth({"type": _lit("COGNITO_USER_POOLS"), "provider_arns": [_lit("arn:aws:cognito-idp:eu-west-1:1:userpool/x")]}))) == 0
}

test_success_unknowns if {
	count(_deny(_auth({"type": _lit("COGNITO_USER_POOLS"), "provider_arns_known": false}))) == 0
	count(_deny(_auth({"ttl": {"known": false, "ref": "var.ttl"}}))) == 0
}
