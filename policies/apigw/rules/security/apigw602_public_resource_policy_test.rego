package apigw.rules.security.public_resource_policy_test

import data.apigw.rules.security.public_resource_policy

_range := {"filename": "main.tf", "line": 5, "column": 12, "end_line": 12, "end_column": 4}

_api(doc) := {"id": "a", "kind": "rest", "name": {"value": "pets", "known": true}, "policy": {"value": json.marshal(doc), "known": true, "range": _range}}

_allow(principal, extra) := object.union({"Effect": "Allow", "Principal": principal, "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}, extra)

_deny(doc) := d if {
	d := public_resource_policy.deny with input as {"apis": [_api(doc)]}
}

test_star_principal_reported if {
	some f in _deny({"Statement": [_allow("*", {})]})
	f.rule_id == "APIGW602"
	f.range == _range
	contains(f.message, "\"pets\"")
}

test_aws_star_reported if {
	count(_deny({"Statement": [_allow({"AWS": "*"}, {})]})) == 1
	count(_deny({"Statement": _allow({"AWS": ["*"]}, {})})) == 1
}

test_success_condition if {
	count(_deny({"Statement": [_allow("*", {"Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}})]})) == 0
}

test_success_deny_with_condition if {
	doc := {"Statement": [
		_allow("*", {}),
		{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}},
	]}
	count(_deny(doc)) == 0
}

test_success_account_principal if {
	count(_deny({"Statement": [_allow({"AWS": "arn:aws:iam::123456789012:root"}, {})]})) == 0
}

test_success_unknown_or_invalid if {
	count(public_resource_policy.deny) == 0 with input as {"apis": [{"kind": "rest", "policy": {"known": false, "ref": "data.x"}}]}
	count(public_resource_policy.deny) == 0 with input as {"apis": [{"kind": "rest", "policy": {"known": true, "value": "{not json"}}]}
}
