package apigw.rules.security.cache_not_encrypted_test

import data.apigw.rules.security.cache_not_encrypted

_range := {"filename": "main.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 20}

_lit(v) := {"value": v, "known": true, "range": _range}

_ms(extra) := object.union({"id": "ms", "method_path": _lit("*/*"), "cache_enabled": _lit("true")}, extra)

test_unencrypted_cache_reported if {
	some f in cache_not_encrypted.deny with input as {"method_settings": [_ms({})]}
	f.rule_id == "APIGW704"
	f.range == _range
}

test_encryption_false_reported_once if {
	ms := _ms({"cache_encrypted": _lit("false")})
	count(cache_not_encrypted.deny) == 1 with input as {"method_settings": [ms], "stages": [{"settings": [ms]}]}
}

test_success_encrypted if {
	count(cache_not_encrypted.deny) == 0 with input as {"method_settings": [_ms({"cache_encrypted": _lit("true")})]}
}

test_success_cache_off_or_unknown if {
	count(cache_not_encrypted.deny) == 0 with input as {"method_settings": [_ms({"cache_enabled": _lit("false")})]}
	count(cache_not_encrypted.deny) == 0 with input as {"method_settings": [_ms({"cache_encrypted": {"known": false, "ref": "var.x"}})]}
}
