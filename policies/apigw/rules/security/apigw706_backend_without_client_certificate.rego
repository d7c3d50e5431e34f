# METADATA
# title: APIGW706 backend-without-client-certificate
# description: |
#   A REST stage calls HTTPS backends without a client certificate.
#
#   An HTTP or HTTP_PROXY integration to a public `https://` URL receives
#   calls from API Gateway over the internet. With a client certificate on
#   the stage (`client_certificate_id`, `ClientCertificateId`), API Gateway
#   presents it on every backend call and the backend can verify that the
#   call comes from API Gateway.
#
#   This is a note: a backend may authenticate API Gateway otherwise (a
#   secret header, a VPC link). Integrations through a VPC link, plain
#   `http://` URLs (where a client certificate cannot be presented) and
#   unknown URIs are not considered.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
# custom:
#   id: APIGW706
#   name: backend-without-client-certificate
#   severity: note
#   tags: [security, backend]
package apigw.rules.security.backend_without_client_certificate

import data.apigw.lib.index
import data.apigw.lib.result

_uri(integ) := integ.uri.value if integ.uri.known

else := integ.uri.partial

_https(m) if {
	m.integration.type.known
	upper(m.integration.type.value) in {"HTTP", "HTTP_PROXY"}
	startswith(lower(_uri(m.integration)), "https://")
	not m.integration.connection_type # INTERNET; VPC_LINK or unknown are not considered
}

_https(m) if {
	m.integration.type.known
	upper(m.integration.type.value) in {"HTTP", "HTTP_PROXY"}
	startswith(lower(_uri(m.integration)), "https://")
	m.integration.connection_type.known
	upper(m.integration.connection_type.value) == "INTERNET"
}

_name(st) := sprintf("%q", [st.name.value]) if st.name.known

else := st.ref

deny contains finding if {
	some st in input.stages
	st.version == "v1"
	st.access_logs_known # the loader reads the stage's settings
	not st.client_certificate
	api := index.apis[st.api_link.id]
	api.kind == "rest"
	backends := [sprintf("%s %s", [m.verb, m.path]) | some m in api.methods; _https(m)]
	count(backends) > 0
	finding := result.fail(rego.metadata.chain(), st.range, sprintf(
		"stage %s calls HTTPS backends (%s) without a client certificate, so the backends cannot verify that calls come from API Gateway; set client_certificate_id (ClientCertificateId) to an aws_api_gateway_client_certificate and verify it in the backend",
		[_name(st), concat(", ", array.slice(sort(backends), 0, 3))],
	))
}
