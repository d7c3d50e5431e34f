# APIGW114 in Terraform: no aws_api_gateway_integration_response for the
# MOCK integration.

resource "aws_api_gateway_rest_api" "health" {
  name = "health"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.health.id
  resource_id   = aws_api_gateway_rest_api.health.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.health.id
  resource_id = aws_api_gateway_rest_api.health.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "get" { # want "APIGW114"
  rest_api_id = aws_api_gateway_rest_api.health.id
  resource_id = aws_api_gateway_rest_api.health.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  type        = "MOCK"
  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}
