package apigw.rules.tls.invalid_security_policy_test

import data.apigw.rules.tls.invalid_security_policy

_range := {"filename": "main.tf", "line": 4, "column": 21, "end_line": 4, "end_column": 30}

_domain(endpoint, policy) := {
	"id": "aws_api_gateway_domain_name.api",
	"range": {"filename": "infra/domain.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 40},
	"version": "v1",
	"ref": "aws_api_gateway_domain_name.api",
	"name": {"value": "api.example.com", "known": true},
	"endpoint_type": {"value": endpoint, "known": true},
	"security_policy": {"value": policy, "known": true, "range": _range},
}

_deny(d) := out if {
	out := invalid_security_policy.deny with input as {"domains": [d]}
}

test_unknown_policy_reported if {
	some f in _deny(_domain("REGIONAL", "TLS_1_3"))
	f.rule_id == "APIGW302"
	f.range == _range
	contains(f.message, "not an API Gateway security policy")
}

test_lowercase_policy_reported if {
	count(_deny(_domain("REGIONAL", "tls_1_2"))) == 1
}

test_edge_policy_on_regional_reported if {
	some f in _deny(_domain("REGIONAL", "SecurityPolicy_TLS12_2018_EDGE"))
	contains(f.message, "edge-optimized domains only")
}

test_regional_policy_on_edge_reported if {
	some f in _deny(_domain("EDGE", "SecurityPolicy_TLS13_1_3_2025_09"))
	contains(f.message, "Regional and private domains only")
}

test_tls10_on_private_reported if {
	some f in _deny(_domain("PRIVATE", "TLS_1_0"))
	contains(f.message, "private")
}

# Mappings reach the policy as the domain's mapped_apis, linked by Go (by
# reference, or by literal name within one directory: see rules/facts.go).
_mapped(d, ids) := object.union(d, {"mapped_apis": [{"id": id} | some id in ids]})

test_http_api_mapped_to_tls10_domain_reported if {
	inp := {
		"domains": [_mapped(_domain("REGIONAL", "TLS_1_0"), ["aws_apigatewayv2_api.http"])],
		"apis": [{"id": "aws_apigatewayv2_api.http", "kind": "http", "name": {"value": "orders", "known": true}}],
	}
	some f in invalid_security_policy.deny with input as inp
	contains(f.message, "HTTP API \"orders\"")
}

test_websocket_api_on_enhanced_domain_reported if {
	inp := {
		"domains": [_mapped(_domain("REGIONAL", "SecurityPolicy_TLS13_1_2_2021_06"), ["aws_apigatewayv2_api.ws"])],
		"apis": [{"id": "aws_apigatewayv2_api.ws", "kind": "websocket", "ref": "aws_apigatewayv2_api.ws"}],
	}
	count(invalid_security_policy.deny) == 1 with input as inp
}

test_success_http_api_on_enhanced_left_to_apigw404 if {
	inp := {
		"domains": [_mapped(_domain("REGIONAL", "SecurityPolicy_TLS13_1_2_2021_06"), ["aws_apigatewayv2_api.http"])],
		"apis": [{"id": "aws_apigatewayv2_api.http", "kind": "http"}],
	}
	count(invalid_security_policy.deny) == 0 with input as inp
}

test_success_rest_api_mapped_to_enhanced_domain if {
	inp := {
		"domains": [_mapped(_domain("REGIONAL", "SecurityPolicy_TLS13_1_2_2021_06"), ["aws_api_gateway_rest_api.r"])],
		"apis": [{"id": "aws_api_gateway_rest_api.r", "kind": "rest"}],
	}
	count(invalid_security_policy.deny) == 0 with input as inp
}

test_success_matching_policies if {
	count(_deny(_domain("EDGE", "SecurityPolicy_TLS13_2025_EDGE"))) == 0
	count(_deny(_domain("REGIONAL", "SecurityPolicy_TLS13_1_3_FIPS_2025_09"))) == 0
	count(_deny(_domain("PRIVATE", "TLS_1_2"))) == 0
	count(_deny(_domain("EDGE", "TLS_1_0"))) == 0
}

test_success_unknown_values if {
	d := object.union(_domain("REGIONAL", "x"), {"security_policy": {"known": false, "ref": "var.policy", "range": _range}})
	count(_deny(d)) == 0
	e := object.union(_domain("REGIONAL", "SecurityPolicy_TLS12_2018_EDGE"), {"endpoint_type": {"known": false, "ref": "var.type"}})
	count(_deny(e)) == 0
}

test_several_apis_mapped_to_one_domain if {
	inp := {
		"domains": [_mapped(_domain("REGIONAL", "SecurityPolicy_TLS13_1_2_2021_06"), ["aws_apigatewayv2_api.ws", "aws_api_gateway_rest_api.r"])],
		"apis": [
			{"id": "aws_apigatewayv2_api.ws", "kind": "websocket", "ref": "aws_apigatewayv2_api.ws"},
			{"id": "aws_api_gateway_rest_api.r", "kind": "rest"},
		],
	}
	count(invalid_security_policy.deny) == 1 with input as inp
}
