package rules

import (
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strings"
)

// normalizeName lower-cases a DNS name and drops a final dot: DNS names
// compare case-insensitively, and `example.com.` is `example.com`.
func normalizeName(s string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")
}

// certCovers reports whether a certificate name (a SAN or the domain name
// of an ACM certificate) covers host, as TLS clients match them (RFC 6125
// §6.4.3): an exact match, or a wildcard `*.example.com` standing for
// exactly one left-most label. The wildcard does not cover the apex
// `example.com`, nor `a.b.example.com`, and partial-label wildcards
// (`api*.example.com`) match nothing. A wildcard host (an API Gateway
// wildcard custom domain, `*.example.com`) is covered by the same wildcard.
func certCovers(certName, host string) bool {
	name, h := normalizeName(certName), normalizeName(host)
	if name == "" || h == "" {
		return false
	}
	if name == h {
		return true
	}
	rest, ok := strings.CutPrefix(name, "*.")
	if !ok || strings.Contains(rest, "*") || !strings.Contains(rest, ".") {
		return false
	}
	label, parent, ok := strings.Cut(h, ".")
	if !ok || label == "" || label == "*" {
		return false
	}
	return parent == rest
}

// anyCovers reports whether one of names covers host.
func anyCovers(names []string, host string) bool {
	for _, n := range names {
		if certCovers(n, host) {
			return true
		}
	}
	return false
}

// errNoCertificate is returned when a PEM text holds no certificate.
var errNoCertificate = errors.New("no CERTIFICATE block")

// parsePEMCertificate parses the first certificate of a PEM text: the leaf,
// as certificate_body holds it.
func parsePEMCertificate(text string) (*x509.Certificate, error) {
	rest := []byte(text)
	for {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			return nil, errNoCertificate
		}
		if blk.Type == "CERTIFICATE" {
			return x509.ParseCertificate(blk.Bytes)
		}
	}
}

// subjectNames returns the names a certificate is valid for: its DNS SANs,
// else (an old certificate without SANs) its subject common name.
func subjectNames(c *x509.Certificate) []string {
	if len(c.DNSNames) > 0 {
		return c.DNSNames
	}
	if c.Subject.CommonName != "" {
		return []string{c.Subject.CommonName}
	}
	return nil
}
