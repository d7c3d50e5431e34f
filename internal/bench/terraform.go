package bench

// terraform writes one REST API stack: API, resources, methods,
// integrations with their responses, deployment, stage with logging,
// tracing and throttle, a usage plan, a regional custom domain with its
// certificate, DNS record and base path mapping.
func (s *stack) terraform(name string) file {
	w := &writer{}
	w.p(`provider "aws" {
  region = "eu-west-1"
}

variable "domain" {
  type    = string
  default = "api%d.example.com"
}

locals {
  error_patterns = {
    "400" = "4\\d{2}"
    "502" = "%s"
  }
}

resource "aws_api_gateway_rest_api" "api" {
  name = "stack-%d"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
`, s.i, s.errorPattern(), s.i)
	for r := range 3 {
		w.p(`resource "aws_api_gateway_resource" "r%d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "items%d"
}

resource "aws_api_gateway_method" "get%d" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = aws_api_gateway_resource.r%d.id
  http_method      = "GET"
  authorization    = "AWS_IAM"
  api_key_required = false
}

resource "aws_api_gateway_integration" "get%d" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r%d.id
  http_method             = aws_api_gateway_method.get%d.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://backend%d.example.com/items%d"
}

resource "aws_api_gateway_method_response" "get%d" {
  for_each    = toset(["200", "400", "502"])
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r%d.id
  http_method = aws_api_gateway_method.get%d.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration_response" "get%d_ok" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.r%d.id
  http_method = aws_api_gateway_method.get%d.http_method
  status_code = "200"
}
`, r, r, r, r, r, r, r, s.i, r, r, r, r, r, r, r)
		w.p(`resource "aws_api_gateway_integration_response" "get%d_errors" {
  for_each          = local.error_patterns
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.r%d.id
  http_method       = aws_api_gateway_method.get%d.http_method
  status_code       = each.key`, r, r, r)
		if s.defective {
			w.defect("APIGW101")
		}
		w.p("  selection_pattern = each.value\n}\n")
	}
	w.p(`resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [aws_api_gateway_integration.get0, aws_api_gateway_integration.get1, aws_api_gateway_integration.get2]
}

resource "aws_cloudwatch_log_group" "access" {
  name = "/aws/apigateway/stack-%d"
}

resource "aws_api_gateway_client_certificate" "backend" {
  description = "presented to the backends of stack %d"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = aws_api_gateway_deployment.api.id
  stage_name            = "prod"
  xray_tracing_enabled  = true
  client_certificate_id = aws_api_gateway_client_certificate.backend.id
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId $context.status"
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0123"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 500
    throttling_burst_limit = 1000
    metrics_enabled        = true
  }
}

resource "aws_acm_certificate" "cert" {
  domain_name       = var.domain
  validation_method = "DNS"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = var.domain
  regional_certificate_arn = aws_acm_certificate.cert.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "api" {
  api_id      = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  domain_name = aws_api_gateway_domain_name.api.domain_name
}

resource "aws_route53_record" "api" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.api.domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}`, s.i, s.i)
	return file{name: name, body: w.b.String(), defects: w.defects}
}

// errorPattern is the 5xx selection pattern, as HCL source; defective
// stacks have an unclosed counted closure.
func (s *stack) errorPattern() string {
	if s.defective {
		return `5\\d{2`
	}
	return `5\\d{2}`
}
