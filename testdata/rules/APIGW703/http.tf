# HTTP APIs have no X-Ray tracing: not reported.
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "prod"
  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:http-access"
    format          = "$context.requestId"
  }
}
