# METADATA
# title: APIGW110 catch-all-pattern
# description: |
#   A catch-all selection pattern on a non-default integration response replaces the default.
#
#   Whether a pattern is a catch-all is decided by what it matches, not by its
#   spelling: `.*`, `(.|\n)*`, `(?s).*` and `[\s\S]*` are all the same here.
#
#   On a Lambda custom integration a pattern that matches the empty string also
#   takes every successful invocation, because a success has no error message
#   (AWS: setting `.*` makes that response the default). When that response is
#   not 2xx every successful call reaches the client as an error (error);
#   when it is 2xx the pattern silently replaces the default (warning). `.+`,
#   AWS's recommended error catch-all, matches no success and is fine.
#
#   On HTTP and AWS service integrations a pattern that matches every status
#   code 100–599 takes every backend response (MOCK integrations, which
#   have no backend, are not checked): a 2xx response then returns
#   every backend error as a success (warning), any other returns every
#   success as an error (error).
#
#   Use `.+` or `(\n|.)+` for Lambda errors, and specific status patterns
#   such as `4\d{2}` for HTTP backends.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
# custom:
#   id: APIGW110
#   name: catch-all-pattern
#   severity: warning
#   tags: [correctness, selection-pattern]
package apigw.rules.selection.catch_all_pattern

import data.apigw.lib.result

_status(resp) := to_number(resp.status_code.value) if {
	resp.status_code.known
	regex.match(`^[1-5][0-9][0-9]$`, resp.status_code.value)
}

_success(code) if {
	code >= 200
	code < 300
}

# _catch_alls holds small tuples, not the integration and response objects:
# a set hashes its members, and whole objects would make that cost grow with
# the size of the model.
_catch_alls contains [integ.subject, resp.pattern.value, resp.pattern.range, code] if {
	some api in input.apis
	some method in api.methods
	integ := method.integration
	some resp in integ.responses
	resp.facts.valid
	_catches_all(integ, resp)
	code := _status(resp)
}

_catches_all(integ, resp) if {
	integ.subject == "error_message"
	not integ.async
	resp.facts.matches_empty
}

# MOCK integrations have no backend: the status they see is the one their
# request template writes.
_catches_all(integ, resp) if {
	integ.subject == "status_code"
	upper(integ.type.value) != "MOCK"
	resp.facts.matches_all_status
}

deny contains finding if {
	some [subject, pattern, at, code] in _catch_alls
	subject == "error_message"
	not _success(code)
	finding := result.fail_with_severity(rego.metadata.chain(), "error", at, sprintf(
		"selection pattern \"%s\" matches the empty error message of every successful Lambda invocation, so every success is returned as %d; use \".+\" or \"(\\n|.)+\" to catch only errors",
		[pattern, code],
	))
}

deny contains finding if {
	some [subject, pattern, at, code] in _catch_alls
	subject == "error_message"
	_success(code)
	finding := result.fail(rego.metadata.chain(), at, sprintf(
		"selection pattern \"%s\" matches every invocation, successes included, so it replaces the default response; use \".+\" or \"(\\n|.)+\" to catch only errors, or make this the default response",
		[pattern],
	))
}

deny contains finding if {
	some [subject, pattern, at, code] in _catch_alls
	subject == "status_code"
	_success(code)
	finding := result.fail(rego.metadata.chain(), at, sprintf(
		"selection pattern \"%s\" matches every status code 100–599, so every backend error is returned as %d; match only success codes (e.g. \"2\\d{2}\") and map errors to 4xx/5xx",
		[pattern, code],
	))
}

deny contains finding if {
	some [subject, pattern, at, code] in _catch_alls
	subject == "status_code"
	not _success(code)
	finding := result.fail_with_severity(rego.metadata.chain(), "error", at, sprintf(
		"selection pattern \"%s\" matches every status code 100–599, successes included, so backend successes can be returned as %d; match only the error codes (e.g. \"5\\d{2}\")",
		[pattern, code],
	))
}
