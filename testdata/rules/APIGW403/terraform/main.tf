# Records named otherwise than the custom domain they point at, and a CNAME
# at a zone apex.

variable "zone_id" {
  type = string
}

resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "apex" {
  domain_name              = "example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_route53_record" "relative_other" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "www" # want "APIGW403: .*www.example.com"
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "unknown_zone" {
  zone_id = var.zone_id
  name    = "service.example.com." # want "APIGW403"
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "apex_cname" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "CNAME" # want "APIGW403: .*apex"
  ttl     = 300
  records = [aws_api_gateway_domain_name.apex.regional_domain_name]
}
