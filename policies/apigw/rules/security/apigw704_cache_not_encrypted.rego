# METADATA
# title: APIGW704 cache-not-encrypted
# description: |
#   Method caching is enabled without encrypting the cached responses.
#
#   Method settings with `caching_enabled = true` (CloudFormation
#   `CachingEnabled: true`) keep responses in the stage's cache cluster;
#   without `cache_data_encrypted = true` (`CacheDataEncrypted: true`) they
#   are stored unencrypted. Cached responses often carry personal or
#   authorisation-dependent data.
#
#   Set `cache_data_encrypted = true` in the same method settings. Unknown
#   values are not reported.
# related_resources:
#   - ref: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
# custom:
#   id: APIGW704
#   name: cache-not-encrypted
#   severity: warning
#   tags: [security, caching]
package apigw.rules.security.cache_not_encrypted

import data.apigw.lib.result

_settings contains ms if some ms in input.method_settings

_settings contains ms if {
	some st in input.stages
	some ms in st.settings
}

_true(v) if {
	v.known
	lower(v.value) == "true"
}

_unencrypted(ms) if not ms.cache_encrypted

_unencrypted(ms) if {
	ms.cache_encrypted.known
	lower(ms.cache_encrypted.value) == "false"
}

_path(ms) := ms.method_path.value if ms.method_path.known

else := "?"

deny contains finding if {
	some ms in _settings
	_true(ms.cache_enabled)
	_unencrypted(ms)
	finding := result.fail(rego.metadata.chain(), ms.cache_enabled.range, sprintf(
		"caching is enabled for %q without encryption, so cached responses are stored in clear; set cache_data_encrypted = true (CacheDataEncrypted: true)",
		[_path(ms)],
	))
}
