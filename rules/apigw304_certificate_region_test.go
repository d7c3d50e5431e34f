package rules

import (
	"testing"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

func TestARNRegion(t *testing.T) {
	tests := []struct {
		name, arn, want string
		ok              bool
	}{
		{"ACM certificate", "arn:aws:acm:us-east-1:123456789012:certificate/abc", "us-east-1", true},
		{"other partition", "arn:aws-cn:acm:cn-north-1:123456789012:certificate/abc", "cn-north-1", true},
		{"resource with colons", "arn:aws:acm:eu-west-1:1:certificate/a:b", "eu-west-1", true},
		{"global service without region", "arn:aws:iam::123456789012:server-certificate/x", "", false},
		{"interpolated region", "arn:aws:acm:${var.region}:123456789012:certificate/abc", "", false},
		{"too few fields", "arn:aws:acm:us-east-1", "", false},
		{"not an ARN", "us-east-1", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := arnRegion(tc.arn)
			if got != tc.want || ok != tc.ok {
				t.Errorf("arnRegion(%q) = %q, %v; want %q, %v", tc.arn, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestCertificateRegion(t *testing.T) {
	r := model.Range{Filename: "main.tf"}
	cert := func(region *model.Value) *model.Certificate { return &model.Certificate{ID: "c", Region: region} }
	tests := []struct {
		name string
		arn  *model.Value
		cert *model.Certificate
		want string
		ok   bool
	}{
		{"literal ARN", model.Lit("arn:aws:acm:eu-west-2:1:certificate/x", r), nil, "eu-west-2", true},
		{"literal ARN wins over resource", model.Lit("arn:aws:acm:eu-west-2:1:certificate/x", r), cert(model.Lit("us-east-1", r)), "eu-west-2", true},
		{"reference to certificate with known region", model.Unknown("aws_acm_certificate.c.arn", r), cert(model.Lit("us-east-1", r)), "us-east-1", true},
		{"reference to certificate with unknown region", model.Unknown("aws_acm_certificate.c.arn", r), cert(model.Unknown("provider.aws.region", r)), "", false},
		{"template with literal region", &model.Value{Partial: "arn:aws:acm:ap-south-1:${var.account}:certificate/x", Range: r}, nil, "ap-south-1", true},
		{"variable without default", model.Unknown("var.certificate_arn", r), nil, "", false},
		{"absent", nil, nil, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := certificateRegion(tc.arn, tc.cert)
			if got != tc.want || ok != tc.ok {
				t.Errorf("certificateRegion = %q, %v; want %q, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
