# METADATA
# description: Names and fixes for custom domains that several policies print.
package apigw.lib.domain

# name is the domain's name, or its resource reference when the name is unknown.
name(d) := d.name.value if d.name.known

else := d.ref

# policy_attribute is where the domain's security policy is set, in the
# format the domain was read from. A SAM Api or HttpApi's Domain property
# names it SecurityPolicy for both versions.
policy_attribute(d) := "SecurityPolicy" if {
	d.source == "cloudformation"
	endswith(d.ref, ".Domain")
} else := "SecurityPolicy" if {
	d.source == "cloudformation"
	d.version == "v1"
} else := "DomainNameConfigurations[].SecurityPolicy" if {
	d.source == "cloudformation"
} else := "domain_name_configuration.security_policy" if {
	d.version == "v2"
} else := "security_policy"

# set_tls12 is the fix that sets the policy to TLS_1_2, in the domain's format.
set_tls12(d) := sprintf("%s: TLS_1_2", [policy_attribute(d)]) if d.source == "cloudformation"

else := sprintf("%s = \"TLS_1_2\"", [policy_attribute(d)])
