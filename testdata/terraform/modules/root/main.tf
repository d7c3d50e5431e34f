provider "aws" {
  region = "eu-central-1"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-central-1:123456789012:certificate/abc"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

module "api" {
  source   = "../api"
  for_each = toset(["orders", "users"])

  name        = each.key
  stage       = "live"
  domain_name = aws_api_gateway_domain_name.api.domain_name
}

module "labels" {
  source  = "cloudposse/label/null"
  version = "0.25.0"
}

module "vpc" {
  source = "git::https://example.com/vpc.git"
}

resource "aws_route53_record" "orders" {
  zone_id = "Z123"
  name    = "orders.example.com"
  type    = "A"

  alias {
    name                   = module.api["orders"].target
    zone_id                = module.labels.zone_id
    evaluate_target_health = true
  }
}
