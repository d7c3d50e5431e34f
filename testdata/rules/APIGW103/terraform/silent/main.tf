# Close to APIGW103 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

# Set per environment, no default: the pattern is unknown.
variable "error_pattern" {
  type = string
}

# The archive queue's integration URI comes from another stack.
variable "archive_uri" {
  type = string
}

# The HTTP verb of the refund method is chosen by the caller.
variable "refund_verb" {
  type = string
}

locals {
  backend = "https://orders.internal.example.com"

  # One integration response per method status; null pattern = default.
  get_order_responses = {
    "200" = "2\\d{2}"
    "400" = "4\\d{2}"
    "502" = "5\\d{2}"
    "500" = null
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api-fixed"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "{orderId}"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["preview", "history", "archive", "lookup", "notes", "refund"])

  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = each.key
}

# GET /{orderId}: every error range mapped, the default is an error.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = local.get_order_responses

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "get_order" {
  for_each = local.get_order_responses

  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = aws_api_gateway_method_response.get_order[each.key].status_code
  selection_pattern = each.value
}

# PUT /{orderId}: the default is 2xx, but no 4xx/5xx code can reach it.

resource "aws_api_gateway_method" "put_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "put_order" {
  count = 2

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.put_order.http_method
  status_code = ["200", "502"][count.index]
}

resource "aws_api_gateway_integration" "put_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.put_order.http_method
  type                    = "HTTP"
  integration_http_method = "PUT"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "put_order_errors" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.put_order.http_method
  status_code       = aws_api_gateway_method_response.put_order[1].status_code
  selection_pattern = "[45]\\d{2}"
}

resource "aws_api_gateway_integration_response" "put_order" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.put_order.http_method
  status_code = aws_api_gateway_method_response.put_order[0].status_code
}

# GET /{orderId}/preview: MOCK, no backend that could fail.

resource "aws_api_gateway_method" "preview" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.sub["preview"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "preview" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["preview"].id
  http_method = aws_api_gateway_method.preview.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "preview" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["preview"].id
  http_method = aws_api_gateway_method.preview.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_integration_response" "preview" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["preview"].id
  http_method = aws_api_gateway_integration.preview.http_method
  status_code = aws_api_gateway_method_response.preview.status_code

  response_templates = {
    "application/json" = "{\"orderId\": \"$input.params('orderId')\", \"status\": \"PREVIEW\"}"
  }
}

# GET /{orderId}/history: HTTP_PROXY, the backend's response goes through.

resource "aws_api_gateway_method" "history" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.sub["history"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "history" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.sub["history"].id
  http_method             = aws_api_gateway_method.history.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "${local.backend}/orders/{orderId}/history"
}

# POST /{orderId}/archive: the URI is not known, so neither is what the
# patterns see.

resource "aws_api_gateway_method" "archive" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.sub["archive"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "archive" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["archive"].id
  http_method = aws_api_gateway_method.archive.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "archive" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.sub["archive"].id
  http_method             = aws_api_gateway_method.archive.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = var.archive_uri
}

resource "aws_api_gateway_integration_response" "archive" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["archive"].id
  http_method = aws_api_gateway_integration.archive.http_method
  status_code = aws_api_gateway_method_response.archive.status_code
}

# GET /{orderId}/lookup: SQS-backed, the error pattern is set per
# environment: where the error codes go is not known.

resource "aws_api_gateway_method" "lookup" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.sub["lookup"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "lookup" {
  for_each = toset(["200", "500"])

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["lookup"].id
  http_method = aws_api_gateway_method.lookup.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "lookup" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.sub["lookup"].id
  http_method             = aws_api_gateway_method.lookup.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account_id}/orders"
}

resource "aws_api_gateway_integration_response" "lookup_errors" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.sub["lookup"].id
  http_method       = aws_api_gateway_integration.lookup.http_method
  status_code       = "500"
  selection_pattern = var.error_pattern
}

resource "aws_api_gateway_integration_response" "lookup" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["lookup"].id
  http_method = aws_api_gateway_integration.lookup.http_method
  status_code = "200"
}

# GET /{orderId}/notes: every error is mapped, to a status that comes from
# a module output that is not known here; the success default is 200.

module "statuses" {
  source = "./statuses"
}

resource "aws_api_gateway_method" "notes" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.sub["notes"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "notes_200" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_method.notes.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "notes_error" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_method.notes.http_method
  status_code = module.statuses.error_status
}

resource "aws_api_gateway_integration" "notes" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.sub["notes"].id
  http_method             = aws_api_gateway_method.notes.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/orders/{orderId}/notes"
}

resource "aws_api_gateway_integration_response" "notes_errors" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.sub["notes"].id
  http_method       = aws_api_gateway_integration.notes.http_method
  status_code       = module.statuses.error_status
  selection_pattern = "[45]\\d{2}"
}

resource "aws_api_gateway_integration_response" "notes" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_integration.notes.http_method
  status_code = aws_api_gateway_method_response.notes_200.status_code
}

# POST /{orderId}/refund: the integration response that maps the errors
# names its method's verb through a variable without a value: it may be this
# method's, so the errors may never reach the default 200.

resource "aws_api_gateway_method" "refund" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.sub["refund"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "refund" {
  for_each = toset(["200", "502"])

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["refund"].id
  http_method = aws_api_gateway_method.refund.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "refund" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.sub["refund"].id
  http_method             = aws_api_gateway_method.refund.http_method
  type                    = "HTTP"
  integration_http_method = "POST"
  uri                     = "${local.backend}/orders/{orderId}/refund"
}

resource "aws_api_gateway_integration_response" "refund_errors" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.sub["refund"].id
  http_method       = var.refund_verb
  status_code       = "502"
  selection_pattern = "[45]\\d{2}"
}

resource "aws_api_gateway_integration_response" "refund" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.sub["refund"].id
  http_method = aws_api_gateway_integration.refund.http_method
  status_code = "200"
}
