# APIGW107 in Terraform: aws_api_gateway_integration_response resources on
# AWS_PROXY and HTTP_PROXY integrations, which API Gateway ignores. The
# finding is on each integration response.

variable "region" {
  type    = string
  default = "us-east-1"
}

locals {
  api = aws_api_gateway_rest_api.orders.id

  # Lambda proxy routes of /orders, one method each.
  proxy_verbs = toset(["GET", "POST"])
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

resource "aws_api_gateway_resource" "legacy" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "{proxy+}"
}

# GET /orders/{orderId}: a Lambda proxy with error mappings carried over
# from a custom integration.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "404", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.orders.invoke_arn
}

resource "aws_api_gateway_integration_response" "get_order_not_found" { # want "APIGW107: integration response on a proxy integration \\(AWS_PROXY\\) is ignored"
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "404"
  selection_pattern = "\\[NotFound\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "get_order_error" { # want "APIGW107: integration response on a proxy integration \\(AWS_PROXY\\) is ignored"
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "500"
  selection_pattern = "(\\n|.)+"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}

# GET and POST /orders: the same Lambda proxy for each verb with for_each,
# and a default response with a template that is never applied.

resource "aws_api_gateway_method" "orders" {
  for_each = local.proxy_verbs

  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = each.value
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "orders" {
  for_each = local.proxy_verbs

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders[each.key].http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "orders" {
  for_each = local.proxy_verbs

  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.orders[each.key].http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.orders.invoke_arn
}

resource "aws_api_gateway_integration_response" "orders" { # want "APIGW107: integration response on a proxy integration \\(AWS_PROXY\\) is ignored"
  for_each = local.proxy_verbs

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.orders[each.key].http_method
  status_code = aws_api_gateway_method_response.orders[each.key].status_code

  response_templates = {
    "application/json" = "{\"data\": $input.json('$')}"
  }
}

# ANY /{proxy+}: HTTP proxy to the legacy backend, with a 5xx mapping.

resource "aws_api_gateway_method" "legacy" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.legacy.id
  http_method   = "ANY"
  authorization = "NONE"

  request_parameters = {
    "method.request.path.proxy" = true
  }
}

resource "aws_api_gateway_method_response" "legacy" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.legacy.id
  http_method = aws_api_gateway_method.legacy.http_method
  status_code = count.index == 0 ? "200" : "502"
}

resource "aws_api_gateway_integration" "legacy" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.legacy.id
  http_method             = aws_api_gateway_method.legacy.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  uri                     = "https://legacy.internal.example.com/{proxy}"

  request_parameters = {
    "integration.request.path.proxy" = "method.request.path.proxy"
  }
}

resource "aws_api_gateway_integration_response" "legacy_errors" { # want "APIGW107: integration response on a proxy integration \\(HTTP_PROXY\\) is ignored"
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.legacy.id
  http_method       = aws_api_gateway_integration.legacy.http_method
  status_code       = aws_api_gateway_method_response.legacy[1].status_code
  selection_pattern = "5\\d{2}"
}
