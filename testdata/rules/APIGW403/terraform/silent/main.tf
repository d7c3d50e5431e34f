# Records named as their domain: absolute, relative to the zone, with a
# final dot, or from a name that stays unknown.

variable "zone_id" {
  type = string
}

variable "record_name" {
  type = string
}

data "aws_route53_zone" "main" {
  name = "example.com."
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

resource "aws_route53_record" "by_reference" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = aws_api_gateway_domain_name.api.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "relative" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = "api"
  type    = "AAAA"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "relative_unknown_zone" {
  zone_id = var.zone_id
  name    = "api"
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "final_dot" {
  zone_id = var.zone_id
  name    = "API.example.com."
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "unknown_name" {
  zone_id = var.zone_id
  name    = var.record_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "apex_alias" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.apex.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.apex.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "apex_cname_elsewhere" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["shop.example.net"]
}
