package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW403 dns-record-name: a DNS record's name is not the custom domain it points at, or an API record is a CNAME at a zone apex.
//
// The endpoint of a custom domain (its `d-…` regional name or its
// CloudFront name) serves that one domain name: its certificate covers the
// domain, and API Gateway routes requests by the domain name they were sent
// to. A record named otherwise (`www.example.com` aliased to the target of
// `api.example.com`) sends clients there with a name that neither the
// certificate nor the domain's mappings know.
//
// Route 53 record names may be relative to the hosted zone (`api` in zone
// `example.com`) or end with a dot; both are read as Terraform's AWS
// provider writes them. When the zone's name is not known, a name is only
// reported when no zone could make it the domain's.
//
// A CNAME cannot sit at a zone apex, where the zone's SOA and NS records
// are (RFC 1912): Route 53 rejects it. An apex domain needs an alias A (and
// AAAA) record instead.
//
// Name the record as the domain (`name = aws_api_gateway_domain_name.x.domain_name`),
// or point it at the domain that has its name.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html
var DNSRecordName = &Rule{
	ID:       "APIGW403",
	Name:     "dns-record-name",
	Severity: model.SeverityWarning,
	Tags:     []string{"correctness", "dns"},
	Check:    checkDNSRecordName,
}

func checkDNSRecordName(p *Pass) error {
	domains := map[string]*model.Domain{}
	for _, d := range p.Project.Domains {
		domains[d.ID] = d
	}
	for _, r := range p.Project.DNSRecords {
		name, ok := r.Name.Get()
		if !ok {
			continue
		}
		zone, zoneKnown := r.ZoneName.Get()
		apiRecord := false
		check := func(v *model.Value, l *model.Link) {
			if classifyAPITarget(v, l).kind != targetUnknown {
				apiRecord = true
			}
			d := targetDomain(domains, l)
			if d == nil {
				return
			}
			apiRecord = true
			dn, ok := d.Name.Get()
			if !ok {
				return
			}
			want := normDNS(dn)
			if zoneKnown {
				if got := qualifyDNS(name, zone); got != want {
					p.ReportRelated(r.Name.RangeOr(r.Range), []model.Related{{Message: "the custom domain", Range: d.Range}},
						"record %q (%q in zone %q) points at custom domain %q, whose endpoint serves only that name: clients calling %q get a certificate for another name and API Gateway does not route the request; name the record %q or point it at the domain of that name",
						name, got, normDNS(zone), dn, got, dn)
				}
				return
			}
			n := normDNS(name)
			if n != "" && n != want && !strings.HasPrefix(want, n+".") {
				p.ReportRelated(r.Name.RangeOr(r.Range), []model.Related{{Message: "the custom domain", Range: d.Range}},
					"record %q points at custom domain %q, whose endpoint serves only that name: clients calling the record's name get a certificate for another name and API Gateway does not route the request; name the record %q or point it at the domain of that name",
					name, dn, dn)
			}
		}
		if r.AliasName != nil {
			check(r.AliasName, r.AliasTarget)
		}
		cname := r.Type.Is("CNAME")
		if cname {
			for i, v := range r.Values {
				check(v, r.ValueTargets[i])
			}
		}
		if cname && apiRecord && zoneKnown && qualifyDNS(name, zone) == normDNS(zone) {
			p.Reportf(r.Type.RangeOr(r.Range), "CNAME record %q is at the apex of zone %q, where Route 53 does not accept a CNAME (the apex holds the zone's SOA and NS records); use an alias A record (and AAAA) to the custom domain's regional_domain_name or cloudfront_domain_name",
				name, normDNS(zone))
		}
	}
	return nil
}

// targetDomain returns the custom domain a record target links to through
// one of its endpoint attributes.
func targetDomain(domains map[string]*model.Domain, l *model.Link) *model.Domain {
	if l == nil {
		return nil
	}
	switch {
	case l.Kind == "aws_api_gateway_domain_name" && (l.Attribute == "regional_domain_name" || l.Attribute == "cloudfront_domain_name"),
		l.Kind == "aws_apigatewayv2_domain_name" && l.Attribute == "target_domain_name":
		return domains[l.ID]
	}
	return nil
}

// normDNS lower-cases a DNS name and drops its final dot.
func normDNS(s string) string { return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".") }

// qualifyDNS returns the fully qualified name of a record named name in
// zone, as the AWS provider's expandRecordName does: a name that does not
// end with the zone's name is relative to it, and an empty name is the
// apex.
func qualifyDNS(name, zone string) string {
	n, z := normDNS(name), normDNS(zone)
	switch {
	case n == "":
		return z
	case strings.HasSuffix(n, z):
		return n
	}
	return n + "." + z
}
