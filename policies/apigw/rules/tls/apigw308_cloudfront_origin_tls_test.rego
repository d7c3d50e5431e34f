package apigw.rules.tls.cloudfront_origin_tls_test

import data.apigw.rules.tls.cloudfront_origin_tls

_r(line) := {"filename": "cf.tf", "line": line, "column": 5, "end_line": line, "end_column": 20}

_lit(v, line) := {"value": v, "known": true, "range": _r(line)}

_origin(domain, policy, protocols) := {
	"range": _r(3),
	"domain_name": domain,
	"origin_id": _lit("api", 4),
	"protocol_policy": _lit(policy, 6),
	"ssl_protocols": [_lit(p, 7) | some p in protocols],
	"ssl_known": true,
}

_execute_api := _lit("abc123.execute-api.eu-west-1.amazonaws.com", 5)

_input(origin, viewer) := {"distributions": [object.union({"ref": "aws_cloudfront_distribution.api", "origins": [origin]}, viewer)]}

_deny(inp) := out if {
	out := cloudfront_origin_tls.deny with input as inp
}

test_http_only_origin_reported if {
	some f in _deny(_input(_origin(_execute_api, "http-only", ["TLSv1.2"]), {}))
	f.rule_id == "APIGW308"
	f.severity == "error"
	f.range == _r(6)
}

test_origin_by_link_reported if {
	o := object.union(_origin({"known": false, "ref": "aws_api_gateway_domain_name.api.regional_domain_name"}, "match-viewer", ["TLSv1.2"]), {"domain_link": {"kind": "aws_api_gateway_domain_name", "id": "x"}})
	count(_deny(_input(o, {}))) == 1
}

test_origin_by_partial_template_reported if {
	o := _origin({"known": false, "partial": "${aws_api_gateway_rest_api.r.id}.execute-api.us-east-1.amazonaws.com"}, "http-only", ["TLSv1.2"])
	count(_deny(_input(o, {}))) == 1
}

test_missing_tls12_error_and_weak_warning if {
	findings := _deny(_input(_origin(_execute_api, "https-only", ["TLSv1.1"]), {}))
	count(findings) == 2
	some e in findings
	e.severity == "error"
	contains(e.message, "lacks TLSv1.2")
	some w in findings
	w.severity == "warning"
	contains(w.message, "TLSv1.1")
}

test_viewer_old_protocol_warned if {
	v := {"viewer_minimum_protocol": _lit("TLSv1.2_2019", 20), "viewer_default_certificate": _lit("false", 21)}
	some f in _deny(_input(_origin(_execute_api, "https-only", ["TLSv1.2"]), v))
	f.severity == "warning"
	f.range == _r(20)
}

test_viewer_default_certificate_warned if {
	v := {"viewer_default_certificate": _lit("true", 21)}
	findings := _deny(_input(_origin(_execute_api, "https-only", ["TLSv1.2"]), v))
	count(findings) == 1
	some f in findings
	f.range == _r(21)
}

test_success_secure if {
	v := {"viewer_minimum_protocol": _lit("TLSv1.2_2021", 20)}
	count(_deny(_input(_origin(_execute_api, "https-only", ["TLSv1.2"]), v))) == 0
}

test_success_not_apigw_origin if {
	o := _origin(_lit("bucket.s3.amazonaws.com", 5), "http-only", ["TLSv1"])
	v := {"viewer_default_certificate": _lit("true", 21)}
	count(_deny(_input(o, v))) == 0
}

test_success_unknown_values if {
	o := object.union(_origin(_execute_api, "x", []), {
		"protocol_policy": {"known": false, "ref": "var.policy", "range": _r(6)},
		"ssl_protocols": [{"known": false, "ref": "var.p", "range": _r(7)}],
	})
	count(_deny(_input(o, {"viewer_minimum_protocol": {"known": false, "ref": "var.v", "range": _r(20)}}))) == 0
}
