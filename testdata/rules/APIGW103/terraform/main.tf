# APIGW103 in Terraform: backend error status codes reach a 2xx method
# response. HTTP and AWS service integrations, whose selection patterns are
# matched against the backend's status code.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  backend = "https://orders.internal.example.com"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{orderId}"
}

resource "aws_api_gateway_resource" "cancel" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = "cancel"
}

# GET /orders/{orderId}: only the default response the console creates.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"

  request_parameters = {
    "method.request.path.orderId" = true
  }
}

resource "aws_api_gateway_method_response" "get_order_200" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/orders/{orderId}"
  passthrough_behavior    = "WHEN_NO_MATCH"

  request_parameters = {
    "integration.request.path.orderId" = "method.request.path.orderId"
  }
}

resource "aws_api_gateway_integration_response" "get_order" { # want "APIGW103: backend 400–599 are returned to clients as 200 by the default response"
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = aws_api_gateway_method_response.get_order_200.status_code
}

# POST /orders: 4xx mapped, 5xx falls through to the default 200. One
# integration response per entry of a map, with for_each; a null pattern
# makes the default response.

locals {
  post_order_responses = {
    ok          = { status = "200", pattern = null }
    bad_request = { status = "400", pattern = "4\\d{2}" }
  }
}

resource "aws_api_gateway_method" "post_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "post_order" {
  for_each = toset(["200", "400"])

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "post_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.post_order.http_method
  type                    = "HTTP"
  integration_http_method = "POST"
  uri                     = "${local.backend}/orders"
}

resource "aws_api_gateway_integration_response" "post_order" { # want "APIGW103: backend 500–599 are returned to clients as 200 by the default response"
  for_each = local.post_order_responses

  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = each.value.status
  selection_pattern = each.value.pattern
}

# DELETE /orders/{orderId}: every error is mapped except 503, which reaches
# the default 204. Method responses from a list with count.

locals {
  delete_statuses = ["204", "400", "502"]
}

resource "aws_api_gateway_method" "delete_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "DELETE"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "delete_order" {
  count = length(local.delete_statuses)

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.delete_order.http_method
  status_code = local.delete_statuses[count.index]
}

resource "aws_api_gateway_integration" "delete_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.delete_order.http_method
  type                    = "HTTP"
  integration_http_method = "DELETE"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "delete_order_4xx" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.delete_order.http_method
  status_code       = aws_api_gateway_method_response.delete_order[1].status_code
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "delete_order_5xx" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.delete_order.http_method
  status_code       = aws_api_gateway_method_response.delete_order[2].status_code
  selection_pattern = "50[0-24-9]|5[1-9]\\d"
}

resource "aws_api_gateway_integration_response" "delete_order" { # want "APIGW103: backend 503 is returned to clients as 204 by the default response"
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.delete_order.http_method
  status_code = aws_api_gateway_method_response.delete_order[0].status_code
}

# POST /orders/{orderId}/cancel: SQS SendMessage with a "success" pattern so
# wide that it takes 4xx and 5xx.

resource "aws_api_gateway_method" "cancel_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.cancel.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "cancel_order_200" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.cancel.id
  http_method = aws_api_gateway_method.cancel_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "cancel_order_500" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.cancel.id
  http_method = aws_api_gateway_method.cancel_order.http_method
  status_code = "500"
}

resource "aws_api_gateway_integration" "cancel_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.cancel.id
  http_method             = aws_api_gateway_method.cancel_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-sqs-send"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account_id}/orders"
  passthrough_behavior    = "NEVER"

  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }

  request_templates = {
    "application/json" = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"
  }
}

resource "aws_api_gateway_integration_response" "cancel_order_sent" { # want "APIGW103: backend 400–599 are returned to clients as 200 by the response for pattern \"\\[2-5\\]\\\\d\\{2\\}\""
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.cancel.id
  http_method       = aws_api_gateway_integration.cancel_order.http_method
  status_code       = aws_api_gateway_method_response.cancel_order_200.status_code
  selection_pattern = "[2-5]\\d{2}"
}

resource "aws_api_gateway_integration_response" "cancel_order_default" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.cancel.id
  http_method = aws_api_gateway_integration.cancel_order.http_method
  status_code = aws_api_gateway_method_response.cancel_order_500.status_code
}
