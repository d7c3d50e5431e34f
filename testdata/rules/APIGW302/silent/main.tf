# No finding: each policy on an endpoint type that takes it, a REST API on
# an enhanced domain, an HTTP API on a TLS_1_2 domain, unknown values.

provider "aws" {
  region = "eu-west-1"
}

variable "endpoint_type" {
  type = string
}

resource "aws_api_gateway_domain_name" "regional" {
  domain_name              = "regional.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "edge" {
  domain_name          = "edge.example.com"
  certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
  security_policy      = "SecurityPolicy_TLS12_PFS_2025_EDGE"
  endpoint_access_mode = "STRICT"
}

resource "aws_api_gateway_domain_name" "unknown_endpoint" {
  domain_name          = "unknown.example.com"
  certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
  security_policy      = "SecurityPolicy_TLS12_2018_EDGE"
  endpoint_access_mode = "STRICT"

  endpoint_configuration {
    types = [var.endpoint_type]
  }
}

resource "aws_api_gateway_rest_api" "rest" {
  name = "orders-rest"
}

resource "aws_api_gateway_base_path_mapping" "rest" {
  api_id      = aws_api_gateway_rest_api.rest.id
  domain_name = aws_api_gateway_domain_name.regional.domain_name
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_domain_name" "http" {
  domain_name = "http.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_stage" "http" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_apigatewayv2_api_mapping" "http" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.http.id
  stage       = aws_apigatewayv2_stage.http.id
}
