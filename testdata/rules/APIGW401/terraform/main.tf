# DNS records that send clients to an execute-api host: they get the
# certificate for *.execute-api.<region>.amazonaws.com.

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders-http"
  protocol_type = "HTTP"
}

resource "aws_route53_record" "stage_url" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_api_gateway_stage.prod.invoke_url] # want "APIGW401: .*stage URL"
}

resource "aws_route53_record" "stage_host" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api2.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [replace(aws_api_gateway_stage.prod.invoke_url, "https://", "")] # want "APIGW401"
}

resource "aws_route53_record" "default_host" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api3.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["${aws_api_gateway_rest_api.api.id}.execute-api.eu-west-1.amazonaws.com"] # want "APIGW401: .*default execute-api host"
}

resource "aws_route53_record" "literal_host" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api4.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"] # want "APIGW401: .*\\*\\.execute-api\\.eu-west-1\\.amazonaws\\.com"
}

resource "aws_route53_record" "http_endpoint" {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = "api5.example.com"
  type    = "A"

  alias {
    name                   = aws_apigatewayv2_api.http.api_endpoint # want "APIGW401"
    zone_id                = "Z32O12XQLNTSW2"
    evaluate_target_health = false
  }
}
