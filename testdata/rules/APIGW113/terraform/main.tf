# APIGW113 in Terraform: two aws_api_gateway_integration_response without
# selection_pattern on one method.

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "bad" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "400"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_rest_api.orders.root_resource_id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://orders.internal.example.com/"
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "errors" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_rest_api.orders.root_resource_id
  http_method       = aws_api_gateway_method.get.http_method
  status_code       = "400"
  selection_pattern = "[45]\\d{2}"
}

resource "aws_api_gateway_integration_response" "also_default" { # want "APIGW113"
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "200"
}
