provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

# Requested in the default provider's region, eu-west-1.
resource "aws_acm_certificate" "eu" {
  domain_name       = "edge.example.com"
  validation_method = "DNS"
}

# Edge domains take certificates from us-east-1 only.
resource "aws_api_gateway_domain_name" "edge_eu_cert" {
  domain_name     = "edge.example.com"
  certificate_arn = aws_acm_certificate.eu.arn # want "APIGW304: edge-optimized custom domain \"edge.example.com\" uses a certificate from eu-west-1"
}

resource "aws_api_gateway_domain_name" "edge_literal_arn" {
  domain_name     = "edge2.example.com"
  certificate_arn = "arn:aws:acm:eu-central-1:123456789012:certificate/2222" # want "APIGW304: .*uses a certificate from eu-central-1"
}

resource "aws_api_gateway_domain_name" "edge_regional_attribute" {
  domain_name              = "edge3.example.com"
  regional_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/3333" # want "APIGW304: edge-optimized custom domain \"edge3.example.com\" sets regional_certificate_arn"

  endpoint_configuration {
    types = ["EDGE"]
  }
}

resource "aws_api_gateway_domain_name" "regional_edge_attribute" {
  domain_name     = "regional.example.com"
  certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111" # want "APIGW304: Regional custom domain \"regional.example.com\" sets certificate_arn.*use regional_certificate_arn"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# Requested in us-east-1 through the aliased provider, validated, and used
# by a Regional domain in eu-west-1.
resource "aws_acm_certificate" "us" {
  provider          = aws.us_east_1
  domain_name       = "regional2.example.com"
  validation_method = "DNS"
}

resource "aws_acm_certificate_validation" "us" {
  provider        = aws.us_east_1
  certificate_arn = aws_acm_certificate.us.arn
}

resource "aws_api_gateway_domain_name" "regional_us_cert" {
  domain_name              = "regional2.example.com"
  regional_certificate_arn = aws_acm_certificate_validation.us.certificate_arn # want "APIGW304: Regional custom domain \"regional2.example.com\" is in eu-west-1 but its certificate is from us-east-1"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# The certificate's own region argument (AWS provider 6).
resource "aws_acm_certificate" "frankfurt" {
  region            = "eu-central-1"
  domain_name       = "http.example.com"
  validation_method = "DNS"
}

resource "aws_apigatewayv2_domain_name" "http" {
  domain_name = "http.example.com"

  domain_name_configuration {
    certificate_arn = aws_acm_certificate.frankfurt.arn # want "APIGW304: Regional custom domain \"http.example.com\" is in eu-west-1 but its certificate is from eu-central-1"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

# A local module that requests the certificate with the provider it is
# given: us-east-1, wrong for a Regional domain in eu-west-1.
module "cert" {
  source      = "./modules/cert"
  domain_name = "regional3.example.com"

  providers = {
    aws = aws.us_east_1
  }
}

resource "aws_api_gateway_domain_name" "regional_module_cert" {
  domain_name              = "regional3.example.com"
  regional_certificate_arn = module.cert.arn # want "APIGW304: .*is in eu-west-1 but its certificate is from us-east-1"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
