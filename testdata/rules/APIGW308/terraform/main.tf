provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# The origin is the custom domain, by reference; the default CloudFront
# certificate on the viewer side.
resource "aws_cloudfront_distribution" "api" {
  enabled = true

  origin {
    domain_name = aws_api_gateway_domain_name.api.regional_domain_name
    origin_id   = "api"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "match-viewer" # want "APIGW308: CloudFront origin \"api\" points at API Gateway with origin_protocol_policy \"match-viewer\""
      origin_ssl_protocols   = ["TLSv1", "TLSv1.1"] # want "APIGW308: .*lacks TLSv1.2" "APIGW308: CloudFront origin \"api\" allows TLSv1 towards" "APIGW308: .*allows TLSv1.1 towards"
    }
  }

  default_cache_behavior {
    target_origin_id       = "api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true # want "APIGW308: CloudFront distribution \"aws_cloudfront_distribution.api\" in front of API Gateway uses the default CloudFront certificate"
  }
}

# The origin is the execute-api host, written as a template.
resource "aws_cloudfront_distribution" "execute_api" {
  enabled = true
  aliases = ["shop.example.com"]

  origin {
    domain_name = "${aws_api_gateway_rest_api.orders.id}.execute-api.eu-west-1.amazonaws.com"
    origin_id   = "orders"
    origin_path = "/prod"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only" # want "APIGW308: CloudFront origin \"orders\" points at API Gateway with origin_protocol_policy \"http-only\""
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "orders"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2019" # want "APIGW308: CloudFront distribution \"aws_cloudfront_distribution.execute_api\" in front of API Gateway accepts viewers with minimum protocol TLSv1.2_2019"
  }
}
