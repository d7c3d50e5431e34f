# A bare default → 200 integration response on a Lambda proxy integration,
# written by hand (tutorials often do). The OpenAPI exemption of APIGW107 is
# for the entry that API Gateway's own export writes; nothing writes this
# resource but its author, and API Gateway ignores it like any other.

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_method" "root" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "root" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.root.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_rest_api.orders.root_resource_id
  http_method             = aws_api_gateway_method.root.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.index.invoke_arn
}

resource "aws_api_gateway_integration_response" "root" { # want "APIGW107: integration response on a proxy integration \\(AWS_PROXY\\) is ignored"
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_integration.root.http_method
  status_code = aws_api_gateway_method_response.root.status_code
}
