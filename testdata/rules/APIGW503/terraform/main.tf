resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "http" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
  default_route_settings { # want "APIGW503: default_route_settings sets no throttling_rate_limit or throttling_burst_limit, which Terraform sends as 0"
    detailed_metrics_enabled = true
  }
  route_settings {
    route_key              = "GET /orders"
    throttling_rate_limit  = 0 # want "APIGW503: throttling_rate_limit is 0 in route_settings for \"GET /orders\""
    throttling_burst_limit = 10
  }
}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "d1"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 0 # want "APIGW503: throttling_rate_limit is 0, which most likely rejects"
    throttling_burst_limit = -1
  }
}
