package apigw.rules.dns.incompatible_mapping_test

import data.apigw.rules.dns.incompatible_mapping

_r(line) := {"filename": "main.tf", "line": line, "column": 1, "end_line": line, "end_column": 10}

_domain(type, policy) := {"id": "d", "name": {"value": "api.example.com", "known": true}, "endpoint_type": {"value": type, "known": true}, "security_policy": {"value": policy, "known": true}}

_v2(id, api, line) := {"id": id, "ref": id, "version": "v2", "range": _r(line), "domain_link": {"id": "d"}, "api_link": {"id": api}, "api": {"known": false, "ref": sprintf("%s.id", [api])}}

_apis := [{"id": "ws", "kind": "websocket"}, {"id": "http", "kind": "http"}, {"id": "rest", "kind": "rest"}]

test_websocket_shared_with_http_reported if {
	inp := {"apis": _apis, "domains": [_domain("REGIONAL", "TLS_1_2")], "base_path_mappings": [_v2("m1", "ws", 3), _v2("m2", "http", 9)]}
	findings := incompatible_mapping.deny with input as inp
	count(findings) == 1
	some f in findings
	f.range == _r(3)
	f.rule_id == "APIGW404"
}

test_websocket_shared_with_rest_base_path_reported if {
	rest := {"id": "m2", "ref": "aws_api_gateway_base_path_mapping.m2", "version": "v1", "range": _r(9), "domain_link": {"id": "d"}}
	inp := {"apis": _apis, "domains": [_domain("REGIONAL", "TLS_1_2")], "base_path_mappings": [_v2("m1", "ws", 3), rest]}
	count(incompatible_mapping.deny) == 1 with input as inp
}

test_http_on_edge_reported if {
	inp := {"apis": _apis, "domains": [_domain("EDGE", "TLS_1_2")], "base_path_mappings": [_v2("m1", "http", 3)]}
	count(incompatible_mapping.deny) == 1 with input as inp
}

test_http_on_enhanced_policy_reported if {
	inp := {"apis": _apis, "domains": [_domain("REGIONAL", "SecurityPolicy_TLS13_1_3_2025_09")], "base_path_mappings": [_v2("m1", "http", 3)]}
	count(incompatible_mapping.deny) == 1 with input as inp
}

test_success_websocket_alone if {
	inp := {"apis": _apis, "domains": [_domain("REGIONAL", "TLS_1_2")], "base_path_mappings": [_v2("m1", "ws", 3)]}
	count(incompatible_mapping.deny) == 0 with input as inp
}

test_success_http_on_regional if {
	inp := {"apis": _apis, "domains": [_domain("REGIONAL", "TLS_1_2")], "base_path_mappings": [_v2("m1", "http", 3), _v2("m2", "rest", 4)]}
	count(incompatible_mapping.deny) == 0 with input as inp
}

test_success_unknown_api_kind if {
	inp := {"apis": [{"id": "x", "kind": ""}], "domains": [_domain("EDGE", "TLS_1_2")], "base_path_mappings": [_v2("m1", "x", 3), _v2("m2", "ws", 4)]}
	count(incompatible_mapping.deny) == 0 with input as inp
}
