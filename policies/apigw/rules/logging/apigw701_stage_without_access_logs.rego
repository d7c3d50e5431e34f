# METADATA
# title: APIGW701 stage-without-access-logs
# description: |
#   A stage writes no access logs.
#
#   Without access logging (`access_log_settings` on `aws_api_gateway_stage`
#   and `aws_apigatewayv2_stage`; CloudFormation and SAM
#   `AccessLogSetting`/`AccessLogSettings`), nobody can tell afterwards who
#   called the API, from where, and with which result: incident response and
#   audits have nothing to go on. Execution logs (`logging_level`) are not a
#   substitute: they are sampled by method settings, verbose, and not
#   available on HTTP APIs.
#
#   Add `access_log_settings { destination_arn = <log group ARN>, format =
#   ... }`. Stages whose access log settings cannot be read (a dynamic
#   block) are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: APIGW701
#   name: stage-without-access-logs
#   severity: warning
#   tags: [security, logging]
package apigw.rules.logging.stage_without_access_logs

import data.apigw.lib.result

_name(st) := sprintf("%q", [st.name.value]) if st.name.known

else := st.ref

deny contains finding if {
	some st in input.stages
	st.access_logs_known
	not st.access_logs
	finding := result.fail(rego.metadata.chain(), st.range, sprintf(
		"stage %s writes no access logs, so calls cannot be traced afterwards; add access_log_settings (AccessLogSetting) with a CloudWatch Logs or Firehose destination and a format",
		[_name(st)],
	))
}
