provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_domain_name" "mtls" {
  domain_name              = "mtls.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  mutual_tls_authentication {
    truststore_uri = "s3://truststores/mtls.pem"
  }
}

resource "aws_api_gateway_rest_api" "orders" { # want "APIGW307: API \"orders\" is mapped to mutual-TLS domain \"mtls.example.com\" but keeps its default execute-api endpoint"
  name = "orders"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# Mapped by the domain's literal name rather than a reference.
resource "aws_api_gateway_base_path_mapping" "orders" {
  api_id      = aws_api_gateway_rest_api.orders.id
  domain_name = "mtls.example.com"
  base_path   = "orders"
}

resource "aws_apigatewayv2_api" "payments" {
  name                         = "payments"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = false # want "APIGW307: API \"payments\" is mapped to mutual-TLS domain \"mtls-http.example.com\""
}

resource "aws_apigatewayv2_stage" "payments" {
  api_id      = aws_apigatewayv2_api.payments.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_apigatewayv2_domain_name" "mtls" {
  domain_name = "mtls-http.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  mutual_tls_authentication {
    truststore_uri = "s3://truststores/mtls-http.pem"
  }
}

resource "aws_apigatewayv2_api_mapping" "payments" {
  api_id      = aws_apigatewayv2_api.payments.id
  domain_name = aws_apigatewayv2_domain_name.mtls.id
  stage       = aws_apigatewayv2_stage.payments.id
}
