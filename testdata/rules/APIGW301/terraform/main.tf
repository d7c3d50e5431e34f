provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_domain_name" "legacy" {
  domain_name              = "legacy.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "TLS_1_0" # want "APIGW301: custom domain \"legacy.example.com\" uses security policy TLS_1_0: clients can still connect with deprecated TLS 1.0 and 1.1; set security_policy = \"TLS_1_2\""

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

locals {
  policy = "TLS_1_0"
}

resource "aws_apigatewayv2_domain_name" "v2" {
  domain_name = "v2.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/2222"
    endpoint_type   = "REGIONAL"
    security_policy = local.policy # want "APIGW301: .*set domain_name_configuration.security_policy = \"TLS_1_2\""
  }
}
