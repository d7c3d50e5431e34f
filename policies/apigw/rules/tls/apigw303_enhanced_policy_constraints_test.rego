package apigw.rules.tls.enhanced_policy_constraints_test

import data.apigw.rules.tls.enhanced_policy_constraints

_range := {"filename": "main.tf", "line": 4, "column": 21, "end_line": 4, "end_column": 30}

_mtls := {"filename": "main.tf", "line": 9, "column": 3, "end_line": 11, "end_column": 4}

_domain(endpoint, policy) := {
	"id": "aws_api_gateway_domain_name.api",
	"range": {"filename": "main.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 40},
	"version": "v1",
	"ref": "aws_api_gateway_domain_name.api",
	"name": {"value": "api.example.com", "known": true},
	"endpoint_type": {"value": endpoint, "known": true},
	"security_policy": {"value": policy, "known": true, "range": _range},
	"mutual_tls": false,
}

_with_mtls(d) := object.union(d, {"mutual_tls": true, "mutual_tls_range": _mtls})

_deny(d) := out if {
	out := enhanced_policy_constraints.deny with input as {"domains": [d]}
}

test_enhanced_without_access_mode_reported if {
	some f in _deny(_domain("REGIONAL", "SecurityPolicy_TLS13_1_3_2025_09"))
	f.rule_id == "APIGW303"
	f.range == _range
	contains(f.message, "endpoint_access_mode")
}

test_success_enhanced_with_access_mode if {
	d := object.union(_domain("REGIONAL", "SecurityPolicy_TLS13_1_3_2025_09"), {"endpoint_access_mode": {"value": "STRICT", "known": true}})
	count(_deny(d)) == 0
}

test_success_enhanced_with_unknown_access_mode if {
	d := object.union(_domain("EDGE", "SecurityPolicy_TLS13_2025_EDGE"), {"endpoint_access_mode": {"known": false, "ref": "var.mode"}})
	count(_deny(d)) == 0
}

test_success_v2_enhanced_not_checked_for_access_mode if {
	d := object.union(_domain("REGIONAL", "SecurityPolicy_TLS13_1_3_2025_09"), {"version": "v2"})
	count(_deny(d)) == 0
}

test_mtls_with_enhanced_reported if {
	d := object.union(_with_mtls(_domain("REGIONAL", "SecurityPolicy_TLS13_1_3_2025_09")), {"endpoint_access_mode": {"value": "STRICT", "known": true}})
	some f in _deny(d)
	f.range == _mtls
	contains(f.message, "enhanced security policy")
}

test_mtls_on_edge_reported if {
	some f in _deny(_with_mtls(_domain("EDGE", "TLS_1_2")))
	contains(f.message, "is EDGE")
}

test_mtls_with_tls10_reported if {
	some f in _deny(_with_mtls(_domain("REGIONAL", "TLS_1_0")))
	contains(f.message, "TLS_1_0")
}

test_success_mtls_regional_tls12 if {
	count(_deny(_with_mtls(_domain("REGIONAL", "TLS_1_2")))) == 0
}

test_success_mtls_regional_default_policy if {
	d := object.remove(_with_mtls(_domain("REGIONAL", "TLS_1_2")), ["security_policy"])
	count(_deny(d)) == 0
}

test_success_mtls_unknown_endpoint if {
	d := object.union(_with_mtls(_domain("REGIONAL", "TLS_1_2")), {"endpoint_type": {"known": false, "ref": "var.type"}})
	count(_deny(d)) == 0
}
