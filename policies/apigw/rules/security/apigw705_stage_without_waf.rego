# METADATA
# title: APIGW705 stage-without-waf
# description: |
#   A public REST stage has no AWS WAF web ACL.
#
#   An edge-optimized or regional REST API answers the whole internet; a
#   WAF web ACL (`aws_wafv2_web_acl_association`,
#   `AWS::WAFv2::WebACLAssociation`) on the stage filters common exploits,
#   bad bots and floods before they reach the backend.
#
#   This is a note: many APIs rely on an authorizer, or on a WAF on a
#   CloudFront distribution in front. Not reported: `PRIVATE` APIs, APIs
#   whose endpoint type is unknown, stages not tied to an API in the tree,
#   and every stage as soon as one web ACL association in the tree names a
#   resource that cannot be told (a variable, an ARN string), which may be
#   the stage.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
# custom:
#   id: APIGW705
#   name: stage-without-waf
#   severity: note
#   tags: [security, waf]
package apigw.rules.security.stage_without_waf

import data.apigw.lib.index
import data.apigw.lib.result

_public(api) if not api.endpoint_type

_public(api) if {
	api.endpoint_type.known
	upper(api.endpoint_type.value) != "PRIVATE"
}

# _knowable: the association names a resource of the tree, or an ARN that
# is not an API Gateway stage.
_knowable(w) if w.target

_knowable(w) if {
	not w.target
	w.resource_arn.known
	not contains(w.resource_arn.value, ":apigateway:")
	not contains(w.resource_arn.value, "/restapis/")
}

_wafs := input.waf_associations if is_array(input.waf_associations)

else := []

_all_knowable if {
	every w in _wafs {
		_knowable(w)
	}
}

# The stages a web ACL is associated with, computed once.
_protected_ids := {w.target.id | some w in _wafs; w.target.id}

_protected(st) if st.id in _protected_ids

_name(st) := sprintf("%q", [st.name.value]) if st.name.known

else := st.ref

deny contains finding if {
	_all_knowable
	some st in input.stages
	st.version == "v1"
	api := index.apis[st.api_link.id]
	api.kind == "rest"
	_public(api)
	not _protected(st)
	finding := result.fail(rego.metadata.chain(), st.range, sprintf(
		"public REST stage %s has no AWS WAF web ACL; associate one (aws_wafv2_web_acl_association with resource_arn = the stage's arn) unless a WAF in front (CloudFront) already filters its traffic",
		[_name(st)],
	))
}
