package rules

import (
	"crypto/x509"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// APIGW306 imported-certificate: an imported certificate of a custom domain is expired, expires soon, or does not cover the domain name.
//
// ACM renews the certificates it issues; an imported one (`certificate_body`
// of an `aws_acm_certificate`, or the upload fields of
// `aws_api_gateway_domain_name`) is yours to rotate. When it expires, every
// client fails the TLS handshake with an expired-certificate error until a
// new one is imported. The certificate is read from the PEM text in the
// tree (`file("cert.pem")` or inline) and checked against the current time
// (`--now` when given):
//
//   - expired: error; import a renewed certificate;
//   - expiring within 30 days (configurable): warning; rotate it now;
//   - none of its names (DNS subject alternative names, else the subject
//     common name) covers the custom domain it serves: error, clients fail
//     with a name mismatch. A wildcard covers exactly one left-most label.
//
// Only certificates that a custom domain of the tree uses are checked. A
// body that stays unknown, or that is not a PEM certificate, is not
// reported.
//
// https://docs.aws.amazon.com/acm/latest/userguide/import-reimport.html
var ImportedCertificate = &Rule{
	ID:       "APIGW306",
	Name:     "imported-certificate",
	Severity: model.SeverityError,
	Tags:     []string{"correctness", "tls"},
	Check:    checkImportedCertificate,
}

func checkImportedCertificate(p *Pass) error {
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	expiryDone := map[model.Range]bool{}
	for _, d := range p.Project.Domains {
		body, certRef, related := d.CertificateBody, "uploaded certificate", []model.Related(nil)
		if c := certificateOf(p.Project, d.Certificate); c != nil && c.Body != nil && body == nil {
			body, certRef, related = c.Body, "imported certificate "+c.Ref, certRelated(p.Project, d.Certificate)
		}
		text, ok := body.Get()
		if !ok {
			continue
		}
		cert, err := parsePEMCertificate(text)
		if err != nil {
			continue
		}
		at := body.RangeOr(d.Range)
		if !expiryDone[at] {
			expiryDone[at] = true
			reportExpiry(p, at, certRef, cert, now)
		}
		host, ok := d.Name.Get()
		if !ok {
			continue
		}
		names := subjectNames(cert)
		if len(names) == 0 || anyCovers(names, host) {
			continue
		}
		p.Report(model.Finding{
			RuleID: p.Rule.ID, Severity: model.SeverityError, Range: domainCertRange(d), Related: related,
			Message: fmt.Sprintf("%s is issued for %s, which does not cover custom domain %q, so clients fail the TLS handshake with a name mismatch; import a certificate whose subject alternative names include %q",
				certRef, strings.Join(names, ", "), host, host),
		})
	}
	return nil
}

func reportExpiry(p *Pass, at model.Range, certRef string, cert *x509.Certificate, now time.Time) {
	expiry := cert.NotAfter.UTC().Format(time.DateOnly)
	switch left := cert.NotAfter.Sub(now); {
	case left <= 0:
		p.ReportSeverityf(model.SeverityError, at, "%s expired on %s, so every client fails the TLS handshake with an expired-certificate error; import a renewed certificate",
			certRef, expiry)
	case left <= time.Duration(p.Params.CertificateExpiryDays)*24*time.Hour:
		days := int(math.Ceil(left.Hours() / 24))
		p.ReportSeverityf(model.SeverityWarning, at, "%s expires on %s (in %d days), after which every client fails the TLS handshake; import a renewed certificate before then, or use an ACM-issued certificate, which ACM renews",
			certRef, expiry, days)
	}
}
