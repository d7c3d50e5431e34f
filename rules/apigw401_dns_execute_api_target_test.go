package rules

import (
	"testing"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

func TestParseExecuteAPIHost(t *testing.T) {
	tests := []struct {
		name, host    string
		label, region string
		ok            bool
	}{
		{"default API host", "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", "a1b2c3d4e5", "eu-west-1", true},
		{"regional domain name", "d-a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", "d-a1b2c3d4e5", "us-east-1", true},
		{"upper case with final dot", "A1B2C3D4E5.Execute-API.eu-west-1.amazonaws.com.", "a1b2c3d4e5", "eu-west-1", true},
		{"china partition", "abc.execute-api.cn-north-1.amazonaws.com.cn", "abc", "cn-north-1", true},
		{"VPC endpoint name", "vpce-0123-abcd.execute-api.eu-west-1.vpce.amazonaws.com", "", "", false},
		{"CloudFront name", "d111111abcdef8.cloudfront.net", "", "", false},
		{"custom domain", "api.example.com", "", "", false},
		{"two labels before", "a.b.execute-api.eu-west-1.amazonaws.com", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			label, region, ok := parseExecuteAPIHost(tc.host)
			if label != tc.label || region != tc.region || ok != tc.ok {
				t.Errorf("parseExecuteAPIHost(%q) = %q, %q, %v; want %q, %q, %v", tc.host, label, region, ok, tc.label, tc.region, tc.ok)
			}
		})
	}
}

func TestClassifyAPITarget(t *testing.T) {
	stage := &model.Link{Kind: "aws_api_gateway_stage", ID: "s", Attribute: "invoke_url"}
	computedStage := &model.Link{Kind: "aws_api_gateway_stage", ID: "s", Attribute: "invoke_url", Computed: true}
	apiID := &model.Link{Kind: "aws_api_gateway_rest_api", ID: "a", Attribute: "id", Computed: true}
	regional := &model.Link{Kind: "aws_api_gateway_domain_name", ID: "d", Attribute: "regional_domain_name"}
	tests := []struct {
		name         string
		v            *model.Value
		l            *model.Link
		kind         int
		schemeOrPath bool
	}{
		{"stage invoke_url itself", &model.Value{Ref: "aws_api_gateway_stage.s.invoke_url"}, stage, targetStageURL, true},
		{"host computed from invoke_url", &model.Value{Ref: "aws_api_gateway_stage.s.invoke_url"}, computedStage, targetStageURL, false},
		{"host built from the API ID", &model.Value{Ref: "aws_api_gateway_rest_api.a.id", Partial: "${aws_api_gateway_rest_api.a.id}.execute-api.${var.region}.amazonaws.com"}, apiID, targetDefaultHost, false},
		{"URL built from the API ID", &model.Value{Ref: "aws_api_gateway_rest_api.a.id", Partial: "https://${aws_api_gateway_rest_api.a.id}.execute-api.eu-west-1.amazonaws.com/prod"}, apiID, targetStageURL, true},
		{"API ID in another name", &model.Value{Ref: "aws_api_gateway_rest_api.a.id", Partial: "${aws_api_gateway_rest_api.a.id}.example.com"}, apiID, targetUnknown, false},
		{"literal stage URL", model.Lit("https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod", model.Range{}), nil, targetStageURL, true},
		{"literal default host", model.Lit("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", model.Range{}), nil, targetDefaultHost, false},
		{"literal regional name", model.Lit("d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com", model.Range{}), nil, targetRegional, false},
		{"domain's regional name", &model.Value{Ref: "aws_api_gateway_domain_name.d.regional_domain_name"}, regional, targetRegional, false},
		{"unknown variable", &model.Value{Ref: "var.host"}, nil, targetUnknown, false},
		{"other literal", model.Lit("lb-123.eu-west-1.elb.amazonaws.com", model.Range{}), nil, targetUnknown, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := classifyAPITarget(tc.v, tc.l)
			if got.kind != tc.kind || got.hasSchemeOrPath != tc.schemeOrPath {
				t.Errorf("kind %d, scheme or path %v; want %d, %v", got.kind, got.hasSchemeOrPath, tc.kind, tc.schemeOrPath)
			}
		})
	}
}

func TestQualifyDNS(t *testing.T) {
	tests := []struct{ name, record, zone, want string }{
		{"relative name", "api", "example.com", "api.example.com"},
		{"absolute name", "api.example.com", "example.com.", "api.example.com"},
		{"final dots", "API.Example.com.", "example.com.", "api.example.com"},
		{"empty name is the apex", "", "example.com", "example.com"},
		{"apex by name", "example.com", "example.com", "example.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := qualifyDNS(tc.record, tc.zone); got != tc.want {
				t.Errorf("qualifyDNS(%q, %q) = %q; want %q", tc.record, tc.zone, got, tc.want)
			}
		})
	}
}
