# METADATA
# title: APIGW603 lambda-permission-source-arn
# description: |
#   A Lambda permission lets API Gateway invoke a function from any API.
#
#   A permission for `apigateway.amazonaws.com` without `source_arn`
#   (CloudFormation `SourceArn`) lets any API Gateway API invoke the
#   function, including another account's (the confused-deputy problem). A
#   source ARN whose API ID is `*` (`arn:aws:execute-api:region:account:*/*/*`)
#   grants every API of the account.
#
#   Scope it to one API: `"${aws_api_gateway_rest_api.x.execution_arn}/*/*"`
#   (every stage and method of that API, the form the AWS documentation
#   uses), or narrower to a stage, a method and a path. Source ARNs that are
#   not known (a variable) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html
# custom:
#   id: APIGW603
#   name: lambda-permission-source-arn
#   severity: warning
#   tags: [security, lambda]
package apigw.rules.security.lambda_permission_source_arn

import data.apigw.lib.result

_for_apigateway(p) if {
	p.principal.known
	lower(p.principal.value) == "apigateway.amazonaws.com"
}

_text(v) := v.value if v.known

else := v.partial if v.partial

# _any_api holds for a source ARN whose API ID (the first part of the
# execute-api resource) is a wildcard, or that is a bare wildcard.
# execute-api:${AWS::Region}: an unknown part (which may hold colons) is
# one opaque segment.
_any_api(arn) if regex.match(`^arn:[^:]*:execute-api:[^:]*:[^:]*:\*`, regex.replace(arn, `\$\{[^}]*\}`, "x"))

_any_api("*") := true

_name(p) := p.ref if p.ref != ""

else := p.id

deny contains finding if {
	some p in input.lambda_permissions
	_for_apigateway(p)
	not p.source_arn
	finding := result.fail(rego.metadata.chain(), p.range, sprintf(
		"Lambda permission %s lets apigateway.amazonaws.com invoke the function with no source ARN, so any API of any account can; set source_arn to your API's execution ARN, e.g. \"${aws_api_gateway_rest_api.x.execution_arn}/*/*\"",
		[_name(p)],
	))
}

deny contains finding if {
	some p in input.lambda_permissions
	_for_apigateway(p)
	_any_api(_text(p.source_arn))
	finding := result.fail(rego.metadata.chain(), p.source_arn.range, sprintf(
		"Lambda permission %s lets every API of the account invoke the function (source ARN %q has a wildcard API ID); name the API: \"<execution ARN of the API>/*/*\"",
		[_name(p), _text(p.source_arn)],
	))
}
