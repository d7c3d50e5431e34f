resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_method" "health" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_rest_api.api.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

# The plan throttles API keys; GET / needs none.
resource "aws_api_gateway_stage" "prod" { # want "APIGW501: .*method\\(s\\) that need no key \\(GET /\\)"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "d1"
  stage_name    = "prod"
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"
  throttle_settings {
    rate_limit  = 100
    burst_limit = 200
  }
  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}
