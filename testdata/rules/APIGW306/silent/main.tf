# Imported certificates that are valid and cover their domains, and bodies
# that cannot be read.

provider "aws" {
  region = "eu-west-1"
}

variable "private_key" {
  type      = string
  sensitive = true
}

variable "certificate_body" {
  type = string
}

resource "aws_acm_certificate" "valid" {
  certificate_body = file("${path.module}/valid.pem")
  private_key      = var.private_key
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.valid.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "wildcard_label" {
  domain_name              = "v1.api.example.com"
  regional_certificate_arn = aws_acm_certificate.valid.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A body from a variable without default stays unknown.
resource "aws_acm_certificate" "unknown" {
  certificate_body = var.certificate_body
  private_key      = var.private_key
}

resource "aws_api_gateway_domain_name" "unknown" {
  domain_name              = "other.example.com"
  regional_certificate_arn = aws_acm_certificate.unknown.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# Not a PEM certificate.
resource "aws_acm_certificate" "garbage" {
  certificate_body = "not a certificate"
  private_key      = var.private_key
}

resource "aws_api_gateway_domain_name" "garbage" {
  domain_name              = "garbage.example.com"
  regional_certificate_arn = aws_acm_certificate.garbage.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
