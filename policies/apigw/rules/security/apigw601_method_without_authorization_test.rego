package apigw.rules.security.method_without_authorization_test

import data.apigw.rules.security.method_without_authorization

_range := {"filename": "main.tf", "line": 9, "column": 3, "end_line": 9, "end_column": 30}

_lit(v) := {"value": v, "known": true, "range": _range}

_method(extra) := object.union({"id": "m", "verb": "GET", "path": "/pets", "authorization": _lit("NONE"), "api_key_required": _lit("false"), "range": _range}, extra)

_api(extra, m) := object.union({"id": "a", "kind": "rest", "source": "terraform", "policy_known": true, "methods": [m]}, extra)

_deny(api) := d if {
	d := method_without_authorization.deny with input as {"apis": [api]}
}

test_open_method_reported if {
	some f in _deny(_api({}, _method({})))
	f.rule_id == "APIGW601"
	f.severity == "warning"
	f.range == _range
	contains(f.message, "GET /pets")
}

test_success_options_any_case if {
	count(_deny(_api({}, _method({"verb": "OPTIONS"})))) == 0
	count(_deny(_api({}, _method({"verb": "options"})))) == 0
}

test_option_misspelt_verb_is_not_exempt if {
	count(_deny(_api({}, _method({"verb": "OPTION"})))) == 1
}

test_success_authorizer if {
	count(_deny(_api({}, _method({"authorization": _lit("CUSTOM")})))) == 0
}

test_success_api_key if {
	count(_deny(_api({}, _method({"api_key_required": _lit("true")})))) == 0
}

test_success_unknown_authorization if {
	count(_deny(_api({}, _method({"authorization": {"known": false, "ref": "var.auth"}})))) == 0
}

test_success_unknown_key if {
	count(_deny(_api({}, _method({"api_key_required": {"known": false, "ref": "var.key"}})))) == 0
}

test_success_resource_policy if {
	count(_deny(_api({"policy": {"known": false, "ref": "data.aws_iam_policy_document.p.json"}}, _method({})))) == 0
}

test_success_policy_unknown if {
	count(_deny(_api({"policy_known": false}, _method({})))) == 0
}

test_success_private if {
	count(_deny(_api({"endpoint_type": _lit("PRIVATE")}, _method({})))) == 0
}

test_success_endpoint_unknown if {
	count(_deny(_api({"endpoint_type": {"known": false, "ref": "var.type"}}, _method({})))) == 0
}

test_http_route_without_authorization_reported if {
	m := json.remove(_method({"id": "tf:r"}), ["authorization"])
	count(_deny(_api({"kind": "http", "policy_known": false}, m))) == 1
}

test_success_websocket if {
	count(_deny(_api({"kind": "websocket"}, _method({})))) == 0
}
