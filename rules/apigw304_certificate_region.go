package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW304 certificate-region: a custom domain names its certificate with the wrong attribute, or uses a certificate from the wrong region.
//
// An edge-optimized custom domain is served by CloudFront, which takes its
// certificate from ACM in us-east-1 only, through `certificate_arn`. A
// Regional domain takes its certificate through `regional_certificate_arn`
// (v2 domains: `domain_name_configuration.certificate_arn`), from ACM in the
// domain's own region. API Gateway rejects the domain otherwise, and the
// deployment fails.
//
// The certificate's region is read from a literal ARN
// (`arn:aws:acm:REGION:ACCOUNT:certificate/ID`), or, for a reference to an
// `aws_acm_certificate` (directly or through
// `aws_acm_certificate_validation.certificate_arn`), from that resource's
// `region` argument, else the literal `region` of its provider (an aliased
// `provider = aws.us_east_1` included). A region that stays unknown is
// not reported; private domains are not checked.
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains-prerequisites.html
var CertificateRegion = &Rule{
	ID:       "APIGW304",
	Name:     "certificate-region",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "tls"},
	Check:    checkCertificateRegion,
}

func checkCertificateRegion(p *Pass) error {
	for _, d := range p.Project.Domains {
		ep, ok := d.EndpointType.Get()
		if !ok {
			continue
		}
		ep = strings.ToUpper(ep)
		name := domainLabel(d)
		switch {
		case d.Version == "v1" && ep == "EDGE":
			if d.RegionalCertificateARN != nil {
				p.Reportf(d.RegionalCertificateARN.RangeOr(d.Range), "edge-optimized custom domain %q sets %s, which only Regional domains use, so API Gateway rejects it; use %s with an ACM certificate in us-east-1",
					name, attrName(d, "regional_certificate_arn"), attrName(d, "certificate_arn"))
				continue
			}
			region, ok := certificateRegion(d.CertificateARN, certificateOf(p.Project, d.Certificate))
			if ok && region != "us-east-1" {
				p.ReportRelated(d.CertificateARN.RangeOr(d.Range), certRelated(p.Project, d.Certificate),
					"edge-optimized custom domain %q uses a certificate from %s, but CloudFront serves edge domains only with ACM certificates from us-east-1, so API Gateway rejects it; request or import the certificate in us-east-1 (provider = aws.us_east_1)",
					name, region)
			}
		case d.Version == "v1" && ep == "REGIONAL":
			if d.CertificateARN != nil && d.RegionalCertificateARN == nil {
				p.Reportf(d.CertificateARN.RangeOr(d.Range), "Regional custom domain %q sets %s, which only edge-optimized and private domains use, so API Gateway rejects it; use %s",
					name, attrName(d, "certificate_arn"), attrName(d, "regional_certificate_arn"))
				continue
			}
			checkSameRegion(p, d, d.RegionalCertificateARN, name)
		case d.Version == "v2" && ep == "REGIONAL":
			checkSameRegion(p, d, d.CertificateARN, name)
		}
	}
	return nil
}

// checkSameRegion reports a Regional domain whose certificate is from
// another region than the domain.
func checkSameRegion(p *Pass, d *model.Domain, arn *model.Value, name string) {
	domainRegion, ok := d.Region.Get()
	if !ok || domainRegion == "" {
		return
	}
	region, ok := certificateRegion(arn, certificateOf(p.Project, d.Certificate))
	if !ok || region == domainRegion {
		return
	}
	p.ReportRelated(arn.RangeOr(d.Range), certRelated(p.Project, d.Certificate),
		"Regional custom domain %q is in %s but its certificate is from %s, and a Regional domain needs an ACM certificate from its own region, so API Gateway rejects it; request or import the certificate in %s",
		name, domainRegion, region, domainRegion)
}

// certRelated points at the certificate resource a domain references.
func certRelated(p *model.Project, link *model.Link) []model.Related {
	c := certificateOf(p, link)
	if c == nil || c.Range.Filename == "" {
		return nil
	}
	return []model.Related{{Message: "certificate " + c.Ref, Range: c.Range}}
}

// attrName spells a REST domain's certificate attribute as the domain's
// source does: Terraform's snake case, CloudFormation's CertificateArn.
func attrName(d *model.Domain, tf string) string {
	if d.Source != model.SourceCloudFormation {
		return tf
	}
	if tf == "regional_certificate_arn" {
		return "RegionalCertificateArn"
	}
	return "CertificateArn"
}

// domainLabel names a domain in messages: its literal name, else its
// resource address.
func domainLabel(d *model.Domain) string {
	if n, ok := d.Name.Get(); ok {
		return n
	}
	if d.Ref != "" {
		return d.Ref
	}
	return d.ID
}
