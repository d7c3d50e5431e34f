# No finding: enhanced policies with an access mode (known or not), mutual
# TLS on a Regional TLS_1_2 domain (explicit or by default), an unknown
# policy.

provider "aws" {
  region = "eu-west-1"
}

variable "access_mode" {
  type = string
}

variable "security_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "strict" {
  domain_name              = "a.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "SecurityPolicy_TLS13_1_3_2025_09"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "unknown_mode" {
  domain_name          = "b.example.com"
  certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
  security_policy      = "SecurityPolicy_TLS13_2025_EDGE"
  endpoint_access_mode = var.access_mode
}

resource "aws_api_gateway_domain_name" "mtls" {
  domain_name              = "c.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  mutual_tls_authentication {
    truststore_uri = "s3://truststores/c.pem"
  }
}

resource "aws_apigatewayv2_domain_name" "mtls_default_policy" {
  domain_name = "d.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }

  mutual_tls_authentication {
    truststore_uri = "s3://truststores/d.pem"
  }
}

resource "aws_api_gateway_domain_name" "mtls_unknown_policy" {
  domain_name              = "e.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = var.security_policy

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  mutual_tls_authentication {
    truststore_uri = "s3://truststores/e.pem"
  }
}
