package rules

import (
	"strings"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// arnRegion returns the region field of an ARN,
// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, when it is written out: a
// template whose region part is an interpolation (`${var.region}`) or an
// ARN without a region (IAM, S3) has none.
func arnRegion(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return "", false
	}
	region := parts[3]
	if region == "" || strings.ContainsAny(region, "${}") {
		return "", false
	}
	return region, true
}

// certificateOf returns the certificate of the project a link leads to.
func certificateOf(p *model.Project, link *model.Link) *model.Certificate {
	if link == nil {
		return nil
	}
	for _, c := range p.Certificates {
		if c.ID == link.ID {
			return c
		}
	}
	return nil
}

// certificateRegion returns the region of the certificate that an ARN
// attribute names: the region field of a literal ARN (or of a template whose
// region part is literal), else the region of the aws_acm_certificate the
// attribute references (its `region` argument, else its provider's
// region). It reports false when the region stays unknown.
func certificateRegion(arn *model.Value, cert *model.Certificate) (string, bool) {
	if arn == nil {
		return "", false
	}
	if lit, ok := arn.Get(); ok {
		return arnRegion(lit)
	}
	if cert != nil {
		if r, ok := cert.Region.Get(); ok && r != "" {
			return r, true
		}
		return "", false
	}
	if arn.Partial != "" {
		return arnRegion(arn.Partial)
	}
	return "", false
}
