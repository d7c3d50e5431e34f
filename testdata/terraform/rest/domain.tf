resource "aws_acm_certificate" "api" {
  provider                  = aws.use1
  domain_name               = var.domain
  subject_alternative_names = ["www.${var.domain}"]
  validation_method         = "DNS"
}

resource "aws_acm_certificate" "regional" {
  domain_name       = var.domain
  validation_method = "DNS"
}

resource "aws_acm_certificate_validation" "regional" {
  certificate_arn = aws_acm_certificate.regional.arn
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = var.domain
  regional_certificate_arn = aws_acm_certificate_validation.regional.certificate_arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_route53_record" "api" {
  zone_id = var.zone_id
  name    = aws_api_gateway_domain_name.api.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "stage" {
  zone_id = var.zone_id
  name    = "stage.${var.domain}"
  type    = "CNAME"
  records = [aws_api_gateway_stage.prod.invoke_url, "literal.example.com"]
}

resource "aws_api_gateway_base_path_mapping" "api" {
  api_id      = aws_api_gateway_rest_api.pets.id
  domain_name = aws_api_gateway_domain_name.api.domain_name
  stage_name  = aws_api_gateway_stage.prod.stage_name
  base_path   = "v1"
}

resource "aws_api_gateway_usage_plan" "basic" {
  name = "basic"

  throttle_settings {
    rate_limit  = 20
    burst_limit = 10
  }

  api_stages {
    api_id = aws_api_gateway_rest_api.pets.id
    stage  = "prod"

    throttle {
      path       = "/pets/{petId}/GET"
      rate_limit = 5
    }
  }
}

resource "aws_api_gateway_api_key" "client" {
  name = "client"
}

resource "aws_api_gateway_usage_plan_key" "client" {
  key_id        = aws_api_gateway_api_key.client.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}

resource "aws_cloudfront_distribution" "cdn" {
  aliases = [var.domain]

  origin {
    domain_name = replace(aws_api_gateway_stage.prod.invoke_url, "/^https?://([^/]*).*/", "$1")
    origin_id   = "api"
    origin_path = "/prod"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "redirect-to-https"

    forwarded_values {
      query_string = true
      headers      = ["Host", "Authorization"]
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.api.arn
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
