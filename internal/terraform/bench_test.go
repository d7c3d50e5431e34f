package terraform

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apigw-lint/apigw-lint/internal/model"
)

// genTree writes a deterministic tree of modules × files .tf files under
// dir, with resources of every kind the loader models, and returns the
// module directories.
func genTree(tb testing.TB, dir string, modules, files int) []string {
	tb.Helper()
	var dirs []string
	for m := range modules {
		md := filepath.Join(dir, fmt.Sprintf("mod%03d", m))
		if err := os.MkdirAll(filepath.Join(md, "modules", "api"), 0o755); err != nil {
			tb.Fatal(err)
		}
		dirs = append(dirs, md)
		for f := range files {
			var b strings.Builder
			n := fmt.Sprintf("r%d", f)
			switch f % 5 {
			case 0:
				fmt.Fprintf(&b, `variable "prefix_%[1]s" { default = "svc%[2]d" }
locals { name_%[1]s = "${var.prefix_%[1]s}-%[1]s" }
resource "aws_api_gateway_rest_api" "%[1]s" {
  name = local.name_%[1]s
  endpoint_configuration { types = ["REGIONAL"] }
}
resource "aws_api_gateway_resource" "%[1]s" {
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id
  parent_id   = aws_api_gateway_rest_api.%[1]s.root_resource_id
  path_part   = "items"
}
resource "aws_api_gateway_method" "%[1]s" {
  for_each      = toset(["GET", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.%[1]s.id
  resource_id   = aws_api_gateway_resource.%[1]s.id
  http_method   = each.key
  authorization = "NONE"
}
resource "aws_api_gateway_method_response" "%[1]s" {
  for_each    = aws_api_gateway_method.%[1]s
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id
  resource_id = aws_api_gateway_resource.%[1]s.id
  http_method = each.value.http_method
  status_code = "200"
}
resource "aws_api_gateway_integration" "%[1]s" {
  for_each    = aws_api_gateway_method.%[1]s
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id
  resource_id = aws_api_gateway_resource.%[1]s.id
  http_method = each.key
  type        = "AWS"
  uri         = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}/invocations"
  request_templates = {
    "application/json" = <<EOT
#set($x = $input.path('$'))
{"k": "$x"}
EOT
  }
}
resource "aws_api_gateway_integration_response" "%[1]s" {
  count             = 2
  rest_api_id       = aws_api_gateway_rest_api.%[1]s.id
  resource_id       = aws_api_gateway_resource.%[1]s.id
  http_method       = "GET"
  status_code       = count.index == 0 ? "200" : "500"
  selection_pattern = count.index == 0 ? null : ".*error.*"
}
`, n, m)
			case 1:
				fmt.Fprintf(&b, `resource "aws_acm_certificate" "%[1]s" {
  domain_name               = "%[1]s.m%[2]d.example.com"
  subject_alternative_names = ["www.%[1]s.m%[2]d.example.com"]
}
resource "aws_api_gateway_domain_name" "%[1]s" {
  domain_name              = aws_acm_certificate.%[1]s.domain_name
  regional_certificate_arn = aws_acm_certificate.%[1]s.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration { types = ["REGIONAL"] }
}
resource "aws_route53_record" "%[1]s" {
  zone_id = "Z1"
  name    = aws_api_gateway_domain_name.%[1]s.domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.%[1]s.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.%[1]s.regional_zone_id
    evaluate_target_health = false
  }
}
`, n, m)
			case 2:
				fmt.Fprintf(&b, `resource "aws_api_gateway_stage" "%[1]s" {
  rest_api_id   = aws_api_gateway_rest_api.r0.id
  deployment_id = "d"
  stage_name    = "s%[1]s"
}
resource "aws_api_gateway_method_settings" "%[1]s" {
  rest_api_id = aws_api_gateway_rest_api.r0.id
  stage_name  = aws_api_gateway_stage.%[1]s.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}
resource "aws_api_gateway_base_path_mapping" "%[1]s" {
  api_id      = aws_api_gateway_rest_api.r0.id
  domain_name = aws_api_gateway_domain_name.r1.domain_name
  stage_name  = aws_api_gateway_stage.%[1]s.stage_name
}
resource "aws_api_gateway_usage_plan" "%[1]s" {
  name = "%[1]s"
  api_stages {
    api_id = aws_api_gateway_rest_api.r0.id
    stage  = aws_api_gateway_stage.%[1]s.stage_name
  }
}
resource "aws_api_gateway_api_key" "%[1]s" { name = "%[1]s" }
resource "aws_api_gateway_usage_plan_key" "%[1]s" {
  key_id        = aws_api_gateway_api_key.%[1]s.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.%[1]s.id
}
`, n)
			case 3:
				fmt.Fprintf(&b, `resource "aws_apigatewayv2_api" "%[1]s" {
  name          = "%[1]s"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_integration" "%[1]s" {
  api_id           = aws_apigatewayv2_api.%[1]s.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:lambda:eu-west-1:1:function:f"
}
resource "aws_apigatewayv2_route" "%[1]s" {
  api_id    = aws_apigatewayv2_api.%[1]s.id
  route_key = "GET /%[1]s"
  target    = "integrations/${aws_apigatewayv2_integration.%[1]s.id}"
}
resource "aws_apigatewayv2_stage" "%[1]s" {
  api_id = aws_apigatewayv2_api.%[1]s.id
  name   = "$default"
  default_route_settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 5
  }
}
resource "aws_apigatewayv2_domain_name" "%[1]s" {
  domain_name = "%[1]s.v2.example.com"
  domain_name_configuration {
    certificate_arn = aws_acm_certificate.r1.arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
resource "aws_apigatewayv2_api_mapping" "%[1]s" {
  api_id      = aws_apigatewayv2_api.%[1]s.id
  domain_name = aws_apigatewayv2_domain_name.%[1]s.id
  stage       = aws_apigatewayv2_stage.%[1]s.id
}
`, n)
			default:
				fmt.Fprintf(&b, `resource "aws_cloudfront_distribution" "%[1]s" {
  aliases = ["cdn.%[1]s.example.com"]
  origin {
    domain_name = replace(aws_api_gateway_stage.r2.invoke_url, "/^https?://([^/]*).*/", "$1")
    origin_id   = "api"
    origin_path = "/prod"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    forwarded_values { headers = ["Authorization"] }
  }
  viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" }
}
module "%[1]s" {
  source = "./modules/api"
  name   = "%[1]s"
}
`, n)
			}
			if err := os.WriteFile(filepath.Join(md, fmt.Sprintf("f%02d.tf", f)), []byte(b.String()), 0o600); err != nil {
				tb.Fatal(err)
			}
		}
		api := `variable "name" {}
resource "aws_api_gateway_rest_api" "this" { name = var.name }
output "id" { value = aws_api_gateway_rest_api.this.id }
`
		if err := os.WriteFile(filepath.Join(md, "modules", "api", "main.tf"), []byte(api), 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return dirs
}

// BenchmarkLoadTree loads 1,000 generated .tf files in 100 modules (plus
// one small local module each, called twice per module).
func BenchmarkLoadTree(b *testing.B) {
	dir := b.TempDir()
	const modules, files = 100, 10
	dirs := genTree(b, dir, modules, files)
	opts := Options{Roots: []string{dir}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f := LoadTree(dirs, opts)
		if len(f.Diagnostics) != 0 {
			b.Fatalf("diagnostics: %+v", f.Diagnostics[0])
		}
	}
	b.ReportMetric(float64(modules*files*b.N)/b.Elapsed().Seconds(), "files/s")
}

func TestGeneratedTree(t *testing.T) {
	dir := t.TempDir()
	f := LoadTree(genTree(t, dir, 2, 10), Options{Roots: []string{dir}})
	if len(f.Diagnostics) != 0 {
		t.Fatalf("diagnostics: %+v", f.Diagnostics)
	}
	var methods, responses int
	f.Methods(func(_ *model.API, m *model.Method) {
		methods++
		if m.Integration != nil {
			responses += len(m.Integration.Responses)
		}
	})
	// Per module: 2 REST APIs × 2 methods, 2 HTTP routes; 2 × 2 integration
	// responses on GET.
	if methods != 2*(4+2) || responses != 2*4 || len(f.MethodSettings) != 2*2 || len(f.Distributions) != 2*2 {
		t.Errorf("methods %d, integration responses %d, method settings %d, distributions %d", methods, responses, len(f.MethodSettings), len(f.Distributions))
	}
}
