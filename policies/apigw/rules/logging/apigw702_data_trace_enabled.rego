# METADATA
# title: APIGW702 data-trace-enabled
# description: |
#   Data trace logs full request and response bodies.
#
#   `data_trace_enabled = true` (CloudFormation `DataTraceEnabled: true`)
#   writes whole requests and responses, headers and bodies included, to
#   CloudWatch Logs: tokens, API keys and personal data end up in logs
#   readable by whoever reads the log group. AWS recommends it for
#   troubleshooting only, not for production APIs.
#
#   Set `data_trace_enabled = false`; use access logs and `logging_level =
#   "ERROR"` or `"INFO"` for everyday logging.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
# custom:
#   id: APIGW702
#   name: data-trace-enabled
#   severity: warning
#   tags: [security, logging]
package apigw.rules.logging.data_trace_enabled

import data.apigw.lib.result

_settings contains ms if some ms in input.method_settings

_settings contains ms if {
	some st in input.stages
	some ms in st.settings
}

_path(ms) := ms.method_path.value if ms.method_path.known

else := "?"

deny contains finding if {
	some ms in _settings
	ms.data_trace.known
	lower(ms.data_trace.value) == "true"
	finding := result.fail(rego.metadata.chain(), ms.data_trace.range, sprintf(
		"data trace is enabled for %q, so full requests and responses, with tokens and personal data, are written to CloudWatch Logs; set data_trace_enabled = false (DataTraceEnabled: false) outside troubleshooting",
		[_path(ms)],
	))
}
