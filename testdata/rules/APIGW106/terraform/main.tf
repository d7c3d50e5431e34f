# APIGW106 in Terraform: an aws_api_gateway_integration_response whose
# status_code has no aws_api_gateway_method_response on the same method.
# The finding is on the status_code.

variable "region" {
  type    = string
  default = "us-east-1"
}

locals {
  api     = aws_api_gateway_rest_api.orders.id
  backend = "https://orders.internal.example.com"

  # Status of every error response of the API.
  error_status = "502"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{orderId}"
}

# GET /orders/{orderId}: the 404 mapping was added, its method response was
# not.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "get_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "get_order_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "404" # want "APIGW106: integration response maps to status 404, but GET /orders/\\{orderId\\} declares no 404 method response"
  selection_pattern = "404"
}

resource "aws_api_gateway_integration_response" "get_order_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "500"
  selection_pattern = "4(0[0-35-9]|[1-9]\\d)|5\\d{2}"
}

# PUT /orders/{orderId}: integration responses from a map; method responses
# from a list with count that lost the error statuses.

locals {
  put_order_responses = {
    "400" = "4\\d{2}"
    "502" = "5\\d{2}"
  }
  put_order_statuses = ["200"]
}

resource "aws_api_gateway_method" "put_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "put_order" {
  count = length(local.put_order_statuses)

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.put_order.http_method
  status_code = local.put_order_statuses[count.index]
}

resource "aws_api_gateway_integration" "put_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.put_order.http_method
  type                    = "HTTP"
  integration_http_method = "PUT"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "put_order_errors" {
  for_each = local.put_order_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.put_order.http_method
  status_code       = each.key # want "APIGW106: .*maps to status 400, but PUT /orders/\\{orderId\\} declares no 400 method response" "APIGW106: .*maps to status 502, but PUT /orders/\\{orderId\\} declares no 502 method response"
  selection_pattern = each.value
}

resource "aws_api_gateway_integration_response" "put_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.put_order.http_method
  status_code = "200"
}

# POST /orders: Lambda; the success is mapped to 201, the method declares
# 200; the error status comes from a local.

resource "aws_api_gateway_method" "post_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "post_order_200" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "post_order_400" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post_order.http_method
  status_code = "400"
}

resource "aws_api_gateway_integration" "post_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.post_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.create_order.invoke_arn
}

resource "aws_api_gateway_integration_response" "post_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.post_order.http_method
  status_code = "201" # want "APIGW106: .*maps to status 201, but POST /orders declares no 201 method response"
}

resource "aws_api_gateway_integration_response" "post_order_bad_request" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = aws_api_gateway_method_response.post_order_400.status_code
  selection_pattern = "(\\n|.)*\\[BadRequest\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "post_order_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = local.error_status # want "APIGW106: .*maps to status 502, but POST /orders declares no 502 method response"
  selection_pattern = "(\\n|.)+"
}
