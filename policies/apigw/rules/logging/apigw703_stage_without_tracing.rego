# METADATA
# title: APIGW703 stage-without-tracing
# description: |
#   A REST stage has X-Ray tracing off.
#
#   With `xray_tracing_enabled = true` (CloudFormation `TracingEnabled`,
#   SAM `TracingEnabled`), API Gateway samples requests into AWS X-Ray, which
#   shows latency and errors across the API and its backends.
#
#   This is a note: tracing costs money and not every team uses X-Ray. HTTP
#   APIs do not support X-Ray and are not reported; unknown values are not
#   reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html
# custom:
#   id: APIGW703
#   name: stage-without-tracing
#   severity: note
#   tags: [observability, logging]
package apigw.rules.logging.stage_without_tracing

import data.apigw.lib.result

_name(st) := sprintf("%q", [st.name.value]) if st.name.known

else := st.ref

_off(st) if not st.xray_tracing

_off(st) if {
	st.xray_tracing.known
	lower(st.xray_tracing.value) == "false"
}

_at(st) := st.xray_tracing.range if st.xray_tracing.range

else := st.range

deny contains finding if {
	some st in input.stages
	st.version == "v1"
	st.access_logs_known # the loader reads the stage's settings
	_off(st)
	finding := result.fail(rego.metadata.chain(), _at(st), sprintf(
		"X-Ray tracing is off on REST stage %s; set xray_tracing_enabled = true (TracingEnabled: true) to trace requests through the API and its backends",
		[_name(st)],
	))
}
