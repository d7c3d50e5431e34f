package apigw.rules.dns.alias_target_mismatch_test

import data.apigw.rules.dns.alias_target_mismatch

_r(line) := {"filename": "main.tf", "line": line, "column": 1, "end_line": line, "end_column": 10}

_domain(id, type) := {"id": id, "ref": id, "name": {"value": "api.example.com", "known": true}, "endpoint_type": {"value": type, "known": true}}

_rec(name_link, zone_link, zone) := {
	"alias_name": {"known": false, "ref": "aws_api_gateway_domain_name.d.x", "range": _r(3)},
	"alias_target": name_link,
	"alias_zone_id": zone,
	"alias_zone_target": zone_link,
}

_link(attr) := {"kind": "aws_api_gateway_domain_name", "id": "d", "attribute": attr}

_unknown_zone := {"known": false, "ref": "aws_api_gateway_domain_name.d.y", "range": _r(4)}

test_regional_domain_through_cloudfront_name_reported if {
	inp := {"domains": [_domain("d", "REGIONAL")], "dns_records": [_rec(_link("cloudfront_domain_name"), _link("cloudfront_zone_id"), _unknown_zone)]}
	findings := alias_target_mismatch.deny with input as inp
	some f in findings
	f.rule_id == "APIGW402"
	f.range == _r(3)
	contains(f.message, "regional_domain_name")
}

test_edge_domain_through_regional_name_reported if {
	inp := {"domains": [_domain("d", "EDGE")], "dns_records": [_rec(_link("regional_domain_name"), _link("regional_zone_id"), _unknown_zone)]}
	count(alias_target_mismatch.deny) == 1 with input as inp
}

test_name_and_zone_from_different_pairs_reported if {
	inp := {"domains": [_domain("d", "REGIONAL")], "dns_records": [_rec(_link("regional_domain_name"), _link("cloudfront_zone_id"), _unknown_zone)]}
	findings := alias_target_mismatch.deny with input as inp
	some f in findings
	f.range == _r(4)
}

test_cloudfront_name_with_other_literal_zone_reported if {
	rec := _rec(_link("cloudfront_domain_name"), null, {"known": true, "value": "Z1UJRXOUMOOFQ8", "range": _r(4)})
	inp := {"domains": [_domain("d", "EDGE")], "dns_records": [object.remove(rec, ["alias_zone_target"])]}
	count(alias_target_mismatch.deny) == 1 with input as inp
}

test_literal_regional_name_with_cloudfront_zone_reported if {
	rec := {"alias_name": {"known": true, "value": "d-abc123.execute-api.eu-west-1.amazonaws.com", "range": _r(3)}, "alias_zone_id": {"known": true, "value": "Z2FDTNDATAQYW2", "range": _r(4)}}
	count(alias_target_mismatch.deny) == 1 with input as {"dns_records": [rec]}
}

test_success_matching_pair if {
	inp := {"domains": [_domain("d", "REGIONAL")], "dns_records": [_rec(_link("regional_domain_name"), _link("regional_zone_id"), _unknown_zone)]}
	count(alias_target_mismatch.deny) == 0 with input as inp
}

test_success_edge_with_cloudfront_zone_literal if {
	rec := object.remove(_rec(_link("cloudfront_domain_name"), null, {"known": true, "value": "Z2FDTNDATAQYW2", "range": _r(4)}), ["alias_zone_target"])
	count(alias_target_mismatch.deny) == 0 with input as {"domains": [_domain("d", "EDGE")], "dns_records": [rec]}
}

test_success_unknown_endpoint_type if {
	d := {"id": "d", "endpoint_type": {"known": false, "ref": "var.type"}}
	inp := {"domains": [d], "dns_records": [_rec(_link("cloudfront_domain_name"), _link("cloudfront_zone_id"), _unknown_zone)]}
	count(alias_target_mismatch.deny) == 0 with input as inp
}
