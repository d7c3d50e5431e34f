# No finding: exact names, one-label wildcards, the apex as its own SAN, a
# wildcard custom domain with the same wildcard, and names that stay
# unknown.

provider "aws" {
  region = "eu-west-1"
}

variable "extra_names" {
  type = list(string)
}

variable "domain" {
  type = string
}

resource "aws_acm_certificate" "zone" {
  domain_name               = "example.com"
  subject_alternative_names = ["*.example.com"]
  validation_method         = "DNS"
}

resource "aws_api_gateway_domain_name" "apex" {
  domain_name              = "example.com"
  regional_certificate_arn = aws_acm_certificate.zone.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "API.example.com"
  regional_certificate_arn = aws_acm_certificate.zone.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "wildcard" {
  domain_name              = "*.example.com"
  regional_certificate_arn = aws_acm_certificate.zone.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_acm_certificate" "unknown_sans" {
  domain_name               = "www.example.net"
  subject_alternative_names = var.extra_names
  validation_method         = "DNS"
}

resource "aws_api_gateway_domain_name" "unknown_sans" {
  domain_name              = "api.example.net"
  regional_certificate_arn = aws_acm_certificate.unknown_sans.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_acm_certificate" "unknown_domain" {
  domain_name       = var.domain
  validation_method = "DNS"
}

resource "aws_api_gateway_domain_name" "unknown_domain" {
  domain_name              = var.domain
  regional_certificate_arn = aws_acm_certificate.unknown_domain.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
