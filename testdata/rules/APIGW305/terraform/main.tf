provider "aws" {
  region = "eu-west-1"
}

resource "aws_acm_certificate" "wildcard" {
  domain_name       = "*.example.com"
  validation_method = "DNS"
}

# The apex is not covered by *.example.com.
resource "aws_api_gateway_domain_name" "apex" {
  domain_name              = "example.com"
  regional_certificate_arn = aws_acm_certificate.wildcard.arn # want "APIGW305: certificate aws_acm_certificate.wildcard \\(\\*.example.com\\) does not cover custom domain \"example.com\".*a wildcard does not cover the apex"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A wildcard covers exactly one label.
resource "aws_apigatewayv2_domain_name" "deep" {
  domain_name = "v1.api.example.com"

  domain_name_configuration {
    certificate_arn = aws_acm_certificate.wildcard.arn # want "APIGW305: .*\"v1.api.example.com\".*a wildcard covers exactly one label"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

locals {
  zone = "example.org"
}

resource "aws_acm_certificate" "other" {
  domain_name               = "www.${local.zone}"
  subject_alternative_names = [local.zone]
  validation_method         = "DNS"
}

resource "aws_acm_certificate_validation" "other" {
  certificate_arn = aws_acm_certificate.other.arn
}

resource "aws_api_gateway_domain_name" "other" {
  domain_name              = "api.${local.zone}"
  regional_certificate_arn = aws_acm_certificate_validation.other.certificate_arn # want "APIGW305: certificate aws_acm_certificate.other \\(www.example.org, example.org\\) does not cover custom domain \"api.example.org\""

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
