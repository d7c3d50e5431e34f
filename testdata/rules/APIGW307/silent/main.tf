# No finding: the mapped API disables its default endpoint, or its setting
# stays unknown, and a domain without mutual TLS.

provider "aws" {
  region = "eu-west-1"
}

variable "disable_default_endpoint" {
  type = bool
}

resource "aws_api_gateway_domain_name" "mtls" {
  domain_name              = "mtls.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  mutual_tls_authentication {
    truststore_uri = "s3://truststores/mtls.pem"
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name                         = "orders"
  disable_execute_api_endpoint = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "orders" {
  api_id      = aws_api_gateway_rest_api.orders.id
  domain_name = aws_api_gateway_domain_name.mtls.domain_name
  base_path   = "orders"
}

resource "aws_api_gateway_rest_api" "unknown" {
  name                         = "unknown"
  disable_execute_api_endpoint = var.disable_default_endpoint

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "unknown" {
  api_id      = aws_api_gateway_rest_api.unknown.id
  domain_name = aws_api_gateway_domain_name.mtls.domain_name
  base_path   = "unknown"
}

resource "aws_api_gateway_domain_name" "plain" {
  domain_name              = "plain.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_rest_api" "public" {
  name = "public"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "public" {
  api_id      = aws_api_gateway_rest_api.public.id
  domain_name = aws_api_gateway_domain_name.plain.domain_name
}
