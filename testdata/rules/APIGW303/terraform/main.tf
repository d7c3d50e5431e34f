provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_domain_name" "no_access_mode" {
  domain_name              = "a.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "SecurityPolicy_TLS13_1_3_2025_09" # want "APIGW303: custom domain \"a.example.com\" uses enhanced security policy \"SecurityPolicy_TLS13_1_3_2025_09\" without an endpoint access mode"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "mtls_enhanced" {
  domain_name              = "b.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "SecurityPolicy_TLS13_1_2_2021_06"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  mutual_tls_authentication { # want "APIGW303: custom domain \"b.example.com\" enables mutual TLS with enhanced security policy"
    truststore_uri = "s3://truststores/b.pem"
  }
}

# No endpoint_configuration: the provider's default, EDGE.
resource "aws_api_gateway_domain_name" "mtls_edge" {
  domain_name     = "c.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/3333"

  mutual_tls_authentication { # want "APIGW303: custom domain \"c.example.com\" is EDGE, and mutual TLS works only on Regional custom domains"
    truststore_uri = "s3://truststores/c.pem"
  }
}
