# No finding: TLS_1_2, an absent policy (new domains default to TLS_1_2),
# TLS 1.3 policies, and a policy that stays unknown.

provider "aws" {
  region = "eu-west-1"
}

variable "security_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "tls12" {
  domain_name              = "a.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "default_policy" {
  domain_name              = "b.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "tls13" {
  domain_name              = "c.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "SecurityPolicy_TLS13_1_3_2025_09"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "edge_tls13" {
  domain_name          = "d.example.com"
  certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
  security_policy      = "SecurityPolicy_TLS13_2025_EDGE"
  endpoint_access_mode = "BASIC"
}

resource "aws_api_gateway_domain_name" "unknown" {
  domain_name              = "e.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = var.security_policy

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
