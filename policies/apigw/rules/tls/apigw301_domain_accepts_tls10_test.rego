package apigw.rules.tls.domain_accepts_tls10_test

import data.apigw.rules.tls.domain_accepts_tls10

_range := {"filename": "main.tf", "line": 4, "column": 21, "end_line": 4, "end_column": 30}

_domain(policy) := {
	"id": "aws_api_gateway_domain_name.api",
	"version": "v1",
	"ref": "aws_api_gateway_domain_name.api",
	"name": {"value": "api.example.com", "known": true},
	"security_policy": policy,
}

test_tls10_reported if {
	findings := domain_accepts_tls10.deny with input as {"domains": [_domain({"value": "TLS_1_0", "known": true, "range": _range})]}
	some f in findings
	f.rule_id == "APIGW301"
	f.severity == "error"
	f.range == _range
	contains(f.message, "api.example.com")
}

test_tls10_v2_names_nested_attribute if {
	d := object.union(_domain({"value": "TLS_1_0", "known": true, "range": _range}), {"version": "v2"})
	some f in domain_accepts_tls10.deny with input as {"domains": [d]}
	contains(f.message, "domain_name_configuration.security_policy")
}

test_success_tls12 if {
	count(domain_accepts_tls10.deny) == 0 with input as {"domains": [_domain({"value": "TLS_1_2", "known": true, "range": _range})]}
}

test_success_enhanced_tls13 if {
	count(domain_accepts_tls10.deny) == 0 with input as {"domains": [_domain({"value": "SecurityPolicy_TLS13_1_3_2025_09", "known": true, "range": _range})]}
}

test_success_absent_policy if {
	d := object.remove(_domain(null), ["security_policy"])
	count(domain_accepts_tls10.deny) == 0 with input as {"domains": [d]}
}

test_success_unknown_policy if {
	count(domain_accepts_tls10.deny) == 0 with input as {"domains": [_domain({"known": false, "ref": "var.security_policy", "range": _range})]}
}

test_cloudformation_property_named if {
	d := object.union(_domain({"value": "TLS_1_0", "known": true, "range": _range}), {"source": "cloudformation"})
	some f in domain_accepts_tls10.deny with input as {"domains": [d]}
	contains(f.message, "set SecurityPolicy: TLS_1_2")
}
