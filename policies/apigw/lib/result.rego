# METADATA
# description: Builds every finding object, so that all policies report in one shape.
package apigw.lib.result

# _meta is the annotation of the calling policy's package, the first entry of
# the metadata chain that carries an id.
_meta(chain) := [entry.annotations | some entry in chain; entry.annotations.custom.id][0]

# fail reports a finding at the policy's own severity.
fail(chain, range, message) := {
	"rule_id": _meta(chain).custom.id,
	"severity": _meta(chain).custom.severity,
	"message": message,
	"range": range,
}

# fail_with_severity reports a finding at a given severity, for policies whose
# documentation names more than one.
fail_with_severity(chain, severity, range, message) := {
	"rule_id": _meta(chain).custom.id,
	"severity": severity,
	"message": message,
	"range": range,
}
