package rules

import (
	"os"
	"testing"
	"time"

	"github.com/apigw-lint/apigw-lint/internal/config"
	"github.com/apigw-lint/apigw-lint/internal/model"
)

// TestImportedCertificateExpiry pins the clock around the fixture
// certificate valid.pem (valid until 2099-01-01) to cover the expiry
// window, which the fixtures cannot do with the real clock.
func TestImportedCertificateExpiry(t *testing.T) {
	pemText, err := os.ReadFile("../testdata/rules/APIGW306/terraform/valid.pem")
	if err != nil {
		t.Fatal(err)
	}
	expiry := time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		now    time.Time
		window time.Duration
		want   model.Severity // SeverityInvalid: no finding
	}{
		{"valid for years", expiry.AddDate(-5, 0, 0), 30 * 24 * time.Hour, model.SeverityInvalid},
		{"31 days left", expiry.AddDate(0, 0, -31), 30 * 24 * time.Hour, model.SeverityInvalid},
		{"30 days left", expiry.AddDate(0, 0, -30), 30 * 24 * time.Hour, model.SeverityWarning},
		{"one hour left", expiry.Add(-time.Hour), 30 * 24 * time.Hour, model.SeverityWarning},
		{"wider window", expiry.AddDate(0, 0, -60), 90 * 24 * time.Hour, model.SeverityWarning},
		{"expired", expiry.Add(time.Second), 30 * 24 * time.Hour, model.SeverityError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := model.Range{Filename: "main.tf", Start: model.Pos{Line: 3, Column: 22}}
			proj := &model.Project{
				Certificates: []*model.Certificate{{ID: "aws_acm_certificate.c", Ref: "aws_acm_certificate.c", Body: model.Lit(string(pemText), r)}},
				Domains: []*model.Domain{{
					ID: "aws_api_gateway_domain_name.d", Version: "v1", Name: model.Lit("api.example.com", r),
					RegionalCertificateARN: model.Unknown("aws_acm_certificate.c.arn", r),
					Certificate:            &model.Link{Kind: "aws_acm_certificate", ID: "aws_acm_certificate.c", Attribute: "arn"},
				}},
			}
			var got []model.Finding
			params := config.DefaultParams()
			params.CertificateExpiryDays = int(tc.window / (24 * time.Hour))
			p := &Pass{Rule: ImportedCertificate, Project: proj, Now: tc.now, Params: params, Report: func(f model.Finding) { got = append(got, f) }}
			if err := ImportedCertificate.Check(p); err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.want == model.SeverityInvalid && len(got) != 0:
				t.Errorf("got %v, want no finding", got)
			case tc.want != model.SeverityInvalid && (len(got) != 1 || got[0].Severity != tc.want):
				t.Errorf("got %v, want one %v finding", got, tc.want)
			}
		})
	}
}
