package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW305 certificate-name-mismatch: the ACM certificate of a custom domain does not cover the domain name.
//
// API Gateway presents the domain's certificate to every client, and
// clients check that one of its names covers the host they asked for. When
// none does, every HTTPS call fails the handshake with a name mismatch
// (browsers: "could not prove it is api.example.com", curl: error 60).
//
// The certificate is the `aws_acm_certificate` the domain references
// (directly or through `aws_acm_certificate_validation`); its names are
// `domain_name` and `subject_alternative_names`. A wildcard covers exactly
// one left-most label: `*.example.com` covers `api.example.com`, not
// `a.b.example.com` and not the apex `example.com`, which needs its own
// name. Nothing is reported while a name stays unknown (a variable without
// default), nor for imported certificates (APIGW306 reads those).
//
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains-prerequisites.html
var CertificateNameMismatch = &Rule{
	ID:       "APIGW305",
	Name:     "certificate-name-mismatch",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "tls"},
	Check:    checkCertificateNameMismatch,
}

func checkCertificateNameMismatch(p *Pass) error {
	for _, d := range p.Project.Domains {
		host, ok := d.Name.Get()
		if !ok {
			continue
		}
		c := certificateOf(p.Project, d.Certificate)
		if c == nil || c.Body != nil {
			continue
		}
		names, known := acmNames(c)
		if !known || len(names) == 0 || anyCovers(names, host) {
			continue
		}
		p.ReportRelated(domainCertRange(d), certRelated(p.Project, d.Certificate),
			"certificate %s (%s) does not cover custom domain %q, so clients fail the TLS handshake with a name mismatch; %s",
			c.Ref, strings.Join(names, ", "), host, coverAdvice(names, host))
	}
	return nil
}

// acmNames returns the names of an ACM certificate request, and whether all
// of them are known.
func acmNames(c *model.Certificate) ([]string, bool) {
	name, ok := c.DomainName.Get()
	if !ok || !c.SANsKnown {
		return nil, false
	}
	names := []string{name}
	for _, san := range c.SubjectAlternativeNames {
		s, ok := san.Get()
		if !ok {
			return nil, false
		}
		names = append(names, s)
	}
	return names, true
}

// coverAdvice says what to change, naming the wildcard trap when a wildcard
// of the domain's parent zone is near.
func coverAdvice(names []string, host string) string {
	h := normalizeName(host)
	for _, n := range names {
		rest, ok := strings.CutPrefix(normalizeName(n), "*.")
		if !ok {
			continue
		}
		if rest == h {
			return "a wildcard does not cover the apex: add \"" + host + "\" to subject_alternative_names"
		}
		if strings.HasSuffix(h, "."+rest) {
			return "a wildcard covers exactly one label: add \"" + host + "\" to subject_alternative_names"
		}
	}
	return "add \"" + host + "\" to subject_alternative_names, or use a certificate for that name"
}

// domainCertRange is where a domain names its certificate, else the domain.
func domainCertRange(d *model.Domain) model.Range {
	for _, v := range []*model.Value{d.RegionalCertificateARN, d.CertificateARN, d.CertificateBody} {
		if v != nil {
			return v.RangeOr(d.Range)
		}
	}
	return d.Range
}
