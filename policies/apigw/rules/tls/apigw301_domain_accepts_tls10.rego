# METADATA
# title: APIGW301 domain-accepts-tls10
# description: |
#   A custom domain's security policy accepts TLS 1.0 and 1.1.
#
#   The legacy `TLS_1_0` security policy lets clients negotiate TLS 1.0, 1.1,
#   1.2 and 1.3 with a custom domain name (REST `aws_api_gateway_domain_name`
#   or `aws_apigatewayv2_domain_name`). TLS 1.0 and 1.1 are deprecated, and
#   PCI DSS and most compliance baselines forbid them.
#
#   Set the security policy to `TLS_1_2` (1.2 and 1.3), or to an enhanced
#   `SecurityPolicy_*` policy on a REST domain. A domain without a security
#   policy is not reported: new custom domains default to `TLS_1_2`. A
#   policy that stays unknown (a variable without default) is not reported
#   either.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
# custom:
#   id: APIGW301
#   name: domain-accepts-tls10
#   severity: error
#   tags: [security, tls]
package apigw.rules.tls.domain_accepts_tls10

import data.apigw.lib.domain
import data.apigw.lib.result

deny contains finding if {
	some d in input.domains
	d.security_policy.known
	d.security_policy.value == "TLS_1_0"
	finding := result.fail(rego.metadata.chain(), d.security_policy.range, sprintf(
		"custom domain %q uses security policy TLS_1_0: clients can still connect with deprecated TLS 1.0 and 1.1; set %s",
		[domain.name(d), domain.set_tls12(d)],
	))
}
