# Alias records whose target name and hosted zone do not belong together.

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

resource "aws_route53_record" "regional_through_cloudfront" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.regional.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.regional.cloudfront_domain_name # want "APIGW402: .*use regional_domain_name with regional_zone_id"
    zone_id                = aws_api_gateway_domain_name.regional.cloudfront_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "edge_through_regional" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.edge.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.edge.regional_domain_name # want "APIGW402: .*EDGE"
    zone_id                = aws_api_gateway_domain_name.edge.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "mixed_pair" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.regional.domain_name
  type    = "AAAA"

  alias {
    name                   = aws_api_gateway_domain_name.regional.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.regional.cloudfront_zone_id # want "APIGW402: .*same pair"
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "wrong_cloudfront_zone" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.edge.domain_name
  type    = "AAAA"

  alias {
    name                   = aws_api_gateway_domain_name.edge.cloudfront_domain_name
    zone_id                = "Z1UJRXOUMOOFQ8" # want "APIGW402: .*Z2FDTNDATAQYW2"
    evaluate_target_health = false
  }
}
