# METADATA
# title: ACME001 stage-name
# description: |
#   Stage names must be dev, staging or prod, so that dashboards, alarms and
#   cost reports find every stage.
# custom:
#   id: ACME001
#   name: stage-name
#   severity: warning
package apigw.rules.acme.stage_name

import data.apigw.lib.result

_allowed := {"dev", "staging", "prod"}

deny contains finding if {
	some stage in input.stages
	stage.name.known
	not stage.name.value in _allowed
	finding := result.fail(rego.metadata.chain(), stage.name.range, sprintf(
		"stage %q is not one of dev, staging, prod; rename it so that dashboards and alarms find it",
		[stage.name.value],
	))
}
