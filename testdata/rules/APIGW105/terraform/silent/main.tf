# Close to APIGW105 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# The items integration's URI is imported from the platform stack.
variable "items_uri" {
  type = string
}

# Retry pattern of the archive integration, set per environment.
variable "retry_pattern" {
  type = string
}

locals {
  api     = aws_api_gateway_rest_api.orders.id
  backend = "https://orders.internal.example.com"

  # Disjoint status patterns, one integration response each.
  get_order_patterns = {
    "400" = "40[0-3]"
    "404" = "4(0[4-9]|[1-9]\\d)"
    "502" = "5\\d{2}"
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

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["items", "archive", "notes"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = each.value
}

# GET /{orderId}: HTTP, disjoint patterns.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "400", "404", "502"])

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
  status_code       = aws_api_gateway_method_response.get_order[each.key].status_code
  selection_pattern = each.value
}

resource "aws_api_gateway_integration_response" "get_order_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = aws_api_gateway_method_response.get_order["200"].status_code
}

# GET /{orderId}/items: the URI is not known, so whether these patterns see
# status codes is not known either; they are not the same pattern.

resource "aws_api_gateway_method" "items" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["items"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "items" {
  for_each = toset(["200", "400", "404"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["items"].id
  http_method = aws_api_gateway_method.items.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "items" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["items"].id
  http_method             = aws_api_gateway_method.items.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = var.items_uri
}

resource "aws_api_gateway_integration_response" "items" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["items"].id
  http_method = aws_api_gateway_integration.items.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "items_bad_request" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["items"].id
  http_method       = aws_api_gateway_integration.items.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "items_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["items"].id
  http_method       = aws_api_gateway_integration.items.http_method
  status_code       = "404"
  selection_pattern = "404"
}

# POST /{orderId}/archive: SQS; one pattern is not known.

resource "aws_api_gateway_method" "archive" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["archive"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "archive" {
  count = 4

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["archive"].id
  http_method = aws_api_gateway_method.archive.http_method
  status_code = ["200", "500", "503", "502"][count.index]
}

resource "aws_api_gateway_integration" "archive" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["archive"].id
  http_method             = aws_api_gateway_method.archive.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/123456789012/order-archive"
}

resource "aws_api_gateway_integration_response" "archive" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["archive"].id
  http_method       = aws_api_gateway_integration.archive.http_method
  status_code       = aws_api_gateway_method_response.archive[0].status_code
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "archive_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["archive"].id
  http_method       = aws_api_gateway_integration.archive.http_method
  status_code       = aws_api_gateway_method_response.archive[1].status_code
  selection_pattern = "[45]\\d{2}"
}

resource "aws_api_gateway_integration_response" "archive_retry" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["archive"].id
  http_method       = aws_api_gateway_integration.archive.http_method
  status_code       = aws_api_gateway_method_response.archive[2].status_code
  selection_pattern = var.retry_pattern
}

resource "aws_api_gateway_integration_response" "archive_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["archive"].id
  http_method = aws_api_gateway_integration.archive.http_method
  status_code = aws_api_gateway_method_response.archive[3].status_code
}

# POST /{orderId}/notes: Lambda; a specific message pattern and the error
# catch-all may both match one message, which is only reported when they
# are the same pattern.

resource "aws_api_gateway_method" "notes" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["notes"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "notes" {
  for_each = toset(["200", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_method.notes.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "notes" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["notes"].id
  http_method             = aws_api_gateway_method.notes.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.notes.invoke_arn
}

resource "aws_api_gateway_integration_response" "notes" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_integration.notes.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "notes_bad_request" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["notes"].id
  http_method       = aws_api_gateway_integration.notes.http_method
  status_code       = "400"
  selection_pattern = "(\\n|.)*\\[BadRequest\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "notes_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["notes"].id
  http_method       = aws_api_gateway_integration.notes.http_method
  status_code       = "500"
  selection_pattern = "(\\n|.)+"
}
