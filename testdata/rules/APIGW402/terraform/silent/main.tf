# Alias records that take name and zone from the same endpoint.

variable "endpoint_type" {
  type = string
}

resource "aws_api_gateway_domain_name" "regional" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "edge" {
  domain_name     = "edge.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/efgh"
  security_policy = "TLS_1_2"
}

resource "aws_api_gateway_domain_name" "unknown" {
  domain_name     = "unknown.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/efgh"
  security_policy = "TLS_1_2"

  endpoint_configuration {
    types = [var.endpoint_type]
  }
}

resource "aws_apigatewayv2_domain_name" "v2" {
  domain_name = "v2.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_route53_record" "regional" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.regional.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.regional.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.regional.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "edge" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.edge.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.edge.cloudfront_domain_name
    zone_id                = "Z2FDTNDATAQYW2"
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "edge_attr" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.edge.domain_name
  type    = "AAAA"

  alias {
    name                   = aws_api_gateway_domain_name.edge.cloudfront_domain_name
    zone_id                = aws_api_gateway_domain_name.edge.cloudfront_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "unknown_type" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.unknown.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.unknown.cloudfront_domain_name
    zone_id                = aws_api_gateway_domain_name.unknown.cloudfront_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "v2" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_apigatewayv2_domain_name.v2.domain_name
  type    = "A"

  alias {
    name                   = aws_apigatewayv2_domain_name.v2.domain_name_configuration[0].target_domain_name
    zone_id                = aws_apigatewayv2_domain_name.v2.domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}
