# No finding: edge domains with us-east-1 certificates (aliased provider,
# literal ARN), Regional domains with certificates from their own region,
# and certificates whose region stays unknown.

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

provider "aws" {
  alias  = "elsewhere"
  region = var.other_region
}

variable "other_region" {
  type = string
}

variable "certificate_arn" {
  type = string
}

resource "aws_acm_certificate" "edge" {
  provider          = aws.us_east_1
  domain_name       = "edge.example.com"
  validation_method = "DNS"
}

resource "aws_acm_certificate_validation" "edge" {
  provider        = aws.us_east_1
  certificate_arn = aws_acm_certificate.edge.arn
}

resource "aws_api_gateway_domain_name" "edge" {
  domain_name     = "edge.example.com"
  certificate_arn = aws_acm_certificate_validation.edge.certificate_arn
}

resource "aws_api_gateway_domain_name" "edge_literal" {
  domain_name     = "edge2.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
}

resource "aws_acm_certificate" "regional" {
  domain_name       = "regional.example.com"
  validation_method = "DNS"
}

resource "aws_api_gateway_domain_name" "regional" {
  domain_name              = "regional.example.com"
  regional_certificate_arn = aws_acm_certificate.regional.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_domain_name" "http" {
  domain_name = "http.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_acm_certificate" "elsewhere" {
  provider          = aws.elsewhere
  domain_name       = "unknown.example.com"
  validation_method = "DNS"
}

resource "aws_api_gateway_domain_name" "unknown_region" {
  domain_name              = "unknown.example.com"
  regional_certificate_arn = aws_acm_certificate.elsewhere.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "unknown_arn" {
  domain_name     = "unknown2.example.com"
  certificate_arn = var.certificate_arn
}

resource "aws_api_gateway_domain_name" "private" {
  domain_name     = "private.example.com"
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"

  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
