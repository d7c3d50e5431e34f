# Records that point at the custom domain's own endpoint, or whose target
# stays unknown: nothing to report.

variable "target_host" {
  type = string
}

module "api" { # want "APIGW008"
  source = "terraform-aws-modules/apigateway-v2/aws"
}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_route53_record" "api" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.api.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "regional_literal" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["d-a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"]
}

resource "aws_route53_record" "unknown_variable" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "other.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [var.target_host]
}

resource "aws_route53_record" "registry_module" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "v2.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [module.api.api_endpoint]
}

resource "aws_route53_record" "txt" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "_doc.example.com"
  type    = "TXT"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"]
}
