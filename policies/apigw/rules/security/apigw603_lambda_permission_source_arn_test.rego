package apigw.rules.security.lambda_permission_source_arn_test

import data.apigw.rules.security.lambda_permission_source_arn

_range := {"filename": "main.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 40}

_lit(v) := {"value": v, "known": true, "range": _range}

_perm(extra) := object.union({"id": "p", "ref": "aws_lambda_permission.api", "range": _range, "principal": _lit("apigateway.amazonaws.com")}, extra)

_deny(p) := d if {
	d := lambda_permission_source_arn.deny with input as {"lambda_permissions": [p]}
}

test_no_source_arn_reported if {
	some f in _deny(_perm({}))
	f.rule_id == "APIGW603"
	contains(f.message, "no source ARN")
}

test_account_wide_reported if {
	count(_deny(_perm({"source_arn": _lit("arn:aws:execute-api:eu-west-1:123456789012:*/*/*")}))) == 1
	count(_deny(_perm({"source_arn": {"known": false, "partial": "arn:aws:execute-api:${var.region}:${var.account}:*/*/*/*", "range": _range}}))) == 1
}

test_success_scoped_to_api if {
	count(_deny(_perm({"source_arn": {"known": false, "partial": "${aws_api_gateway_rest_api.x.execution_arn}/*/*", "range": _range}}))) == 0
	count(_deny(_perm({"source_arn": _lit("arn:aws:execute-api:eu-west-1:123456789012:abc123/*/GET/pets")}))) == 0
}

test_success_unknown if {
	count(_deny(_perm({"source_arn": {"known": false, "ref": "var.arn", "range": _range}}))) == 0
}

test_success_other_principal if {
	count(_deny(_perm({"principal": _lit("s3.amazonaws.com")}))) == 0
}

test_cloudformation_sub_reported if {
	count(_deny(_perm({"source_arn": {"known": false, "partial": "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:*/*/*", "range": _range}}))) == 1
	count(_deny(_perm({"source_arn": {"known": false, "partial": "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/*", "range": _range}}))) == 0
}
