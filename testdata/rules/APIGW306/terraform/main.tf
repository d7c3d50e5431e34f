# Imported certificates, read from the PEM files beside this file (written by
# ../gencerts.go): expired.pem expired on 2020-01-01 and names
# old.example.com; valid.pem is valid until 2099 and names api.example.com
# and *.api.example.com.

provider "aws" {
  region = "eu-west-1"
}

resource "aws_acm_certificate" "expired" {
  certificate_body = file("${path.module}/expired.pem") # want "APIGW306: imported certificate aws_acm_certificate.expired expired on 2020-01-01"
  private_key      = var.private_key
}

variable "private_key" {
  type      = string
  sensitive = true
}

resource "aws_api_gateway_domain_name" "old" {
  domain_name              = "old.example.com"
  regional_certificate_arn = aws_acm_certificate.expired.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_acm_certificate" "valid" {
  certificate_body = file("${path.module}/valid.pem")
  private_key      = var.private_key
}

# valid.pem names api.example.com and *.api.example.com: not the apex.
resource "aws_api_gateway_domain_name" "apex" {
  domain_name              = "example.com"
  regional_certificate_arn = aws_acm_certificate.valid.arn # want "APIGW306: imported certificate aws_acm_certificate.valid is issued for api.example.com, \\*.api.example.com, which does not cover custom domain \"example.com\""

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# An edge domain with an uploaded certificate.
resource "aws_api_gateway_domain_name" "upload" {
  domain_name             = "a.b.api.example.com"
  certificate_name        = "upload"
  certificate_body        = file("${path.module}/valid.pem") # want "APIGW306: uploaded certificate is issued for .*does not cover custom domain \"a.b.api.example.com\""
  certificate_chain       = ""
  certificate_private_key = var.private_key
}
