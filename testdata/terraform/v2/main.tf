resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "lambda" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}/invocations"
  payload_format_version = "2.0"
}

variable "region" {
  default = "eu-west-1"
}

resource "aws_apigatewayv2_route" "get_pets" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /pets"
  target    = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_route" "default" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "$default"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 20
  }

  route_settings {
    route_key             = "GET /pets"
    throttling_rate_limit = 10
  }
}

resource "aws_apigatewayv2_api_mapping" "m" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = "api.example.com"
  stage       = aws_apigatewayv2_stage.default.id
}
