package apigw.rules.security.backend_without_client_certificate_test

import data.apigw.rules.security.backend_without_client_certificate

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_lit(v) := {"value": v, "known": true, "range": _range}

_input(uri, stage) := {
	"apis": [{"id": "a", "kind": "rest", "methods": [{"verb": "GET", "path": "/x", "integration": {"type": _lit("HTTP_PROXY"), "uri": _lit(uri)}}]}],
	"stages": [object.union({"id": "s", "version": "v1", "range": _range, "name": _lit("prod"), "api_link": {"id": "a"}, "access_logs_known": true}, stage)],
}

test_https_backend_reported if {
	some f in backend_without_client_certificate.deny with input as _input("https://backend.example.com/{proxy}", {})
	f.rule_id == "APIGW706"
	contains(f.message, "GET /x")
}

test_success_client_certificate if {
	count(backend_without_client_certificate.deny) == 0 with input as _input("https://backend.example.com", {"client_certificate": {"known": false, "ref": "aws_api_gateway_client_certificate.c.id"}})
}

test_success_plain_http if {
	count(backend_without_client_certificate.deny) == 0 with input as _input("http://nlb.internal", {})
}

test_success_vpc_link if {
	inp := json.patch(_input("https://nlb.example.com", {}), [{"op": "add", "path": "/apis/0/methods/0/integration/connection_type", "value": _lit("VPC_LINK")}])
	count(backend_without_client_certificate.deny) == 0 with input as inp
}
