# Close to APIGW102 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# Chosen per environment (HTTP in staging, AWS in production); no default.
variable "refund_integration_type" {
  type = string
}

locals {
  api     = aws_api_gateway_rest_api.orders.id
  backend = "https://orders.internal.example.com"

  # Status-code patterns: single codes, alternations, ranges.
  get_order_patterns = {
    "200" = "2\\d{2}"
    "404" = "404"
    "410" = join("|", ["410", "451"])
    "500" = "4(0[0-35-9]|1[1-9]|[2-4]\\d|5[02-9]|[6-9]\\d)|5\\d\\d"
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api-fixed"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "{orderId}"
}

resource "aws_api_gateway_resource" "refund" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = "refund"
}

resource "aws_api_gateway_resource" "ping" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = "ping"
}

# GET /{orderId}: HTTP.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "404", "410", "500", "502"])

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
  for_each = local.get_order_patterns

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = each.key
  selection_pattern = each.value
}

resource "aws_api_gateway_integration_response" "get_order_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = "502"
}

# POST /{orderId}: a Lambda integration sees the error message, so text
# patterns are right here. The function is declared in this module.

resource "aws_api_gateway_method" "post_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "post_order" {
  for_each = toset(["200", "404", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.post_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "post_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.post_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.orders.invoke_arn
  passthrough_behavior    = "WHEN_NO_TEMPLATES"
}

resource "aws_api_gateway_integration_response" "post_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.post_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "post_order_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = "404"
  selection_pattern = "(\\n|.)*NotFound(\\n|.)*"
}

resource "aws_api_gateway_integration_response" "post_order_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = "500"
  selection_pattern = "(\\n|.)*Error(\\n|.)*"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}

# POST /{orderId}/refund: the integration type is not known, so neither is
# what the pattern is matched against.

resource "aws_api_gateway_method" "refund" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.refund.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "refund" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.refund.id
  http_method = aws_api_gateway_method.refund.http_method
  status_code = count.index == 0 ? "200" : "500"
}

resource "aws_api_gateway_integration" "refund" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.refund.id
  http_method             = aws_api_gateway_method.refund.http_method
  type                    = var.refund_integration_type
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:123456789012:function:Refunds/invocations"
}

resource "aws_api_gateway_integration_response" "refund" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.refund.id
  http_method = aws_api_gateway_integration.refund.http_method
  status_code = aws_api_gateway_method_response.refund[0].status_code
}

resource "aws_api_gateway_integration_response" "refund_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.refund.id
  http_method       = aws_api_gateway_integration.refund.http_method
  status_code       = aws_api_gateway_method_response.refund[1].status_code
  selection_pattern = "(\\n|.)*Error(\\n|.)*"
}

# GET /{orderId}/ping: MOCK with a plain status-code pattern.

resource "aws_api_gateway_method" "ping" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.ping.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "ping" {
  for_each = toset(["200", "404"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.ping.id
  http_method = aws_api_gateway_method.ping.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "ping" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.ping.id
  http_method = aws_api_gateway_method.ping.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = jsonencode({ statusCode = 200 })
  }
}

resource "aws_api_gateway_integration_response" "ping" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.ping.id
  http_method = aws_api_gateway_integration.ping.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "ping_missing" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.ping.id
  http_method       = aws_api_gateway_integration.ping.http_method
  status_code       = "404"
  selection_pattern = "404"
}
