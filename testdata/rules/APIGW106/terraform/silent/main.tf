# Close to APIGW106 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# Verb of the labels method response, supplied by the caller; no default.
variable "labels_verb" {
  type = string
}

locals {
  api     = aws_api_gateway_rest_api.orders.id
  backend = "https://orders.internal.example.com"

  # One entry per status: the method response and the integration response
  # are both made from it, so they cannot drift apart.
  get_order_responses = {
    "200" = null
    "404" = "404"
    "500" = "4(0[0-35-9]|[1-9]\\d)|5\\d{2}"
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
  for_each = toset(["history", "labels", "notes"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = each.value
}

# GET /{orderId}: every mapped status declared.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = local.get_order_responses

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.key
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
  for_each = local.get_order_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = aws_api_gateway_method_response.get_order[each.key].status_code
  selection_pattern = each.value
}

# GET /{orderId}/history: a Lambda proxy integration takes its status from
# the function; the stray integration response is APIGW107's business, not
# this rule's.

resource "aws_api_gateway_method" "history" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["history"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "history" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["history"].id
  http_method             = aws_api_gateway_method.history.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.history.invoke_arn
}

# PUT /{orderId}/labels: one method response names its method through a
# variable without a value: it may be this method's 404.

resource "aws_api_gateway_method" "labels" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["labels"].id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "labels_200" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["labels"].id
  http_method = aws_api_gateway_method.labels.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "labels_404" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["labels"].id
  http_method = var.labels_verb
  status_code = "404"
}

resource "aws_api_gateway_integration" "labels" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["labels"].id
  http_method             = aws_api_gateway_method.labels.http_method
  type                    = "HTTP"
  integration_http_method = "PUT"
  uri                     = "${local.backend}/orders/{orderId}/labels"
}

resource "aws_api_gateway_integration_response" "labels" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["labels"].id
  http_method = aws_api_gateway_integration.labels.http_method
  status_code = "404"
}

# POST /{orderId}/notes: one method response's status is computed from a
# lookup that is not known: it may be the 502.

variable "note_statuses" {
  type = map(string)
}

resource "aws_api_gateway_method" "notes" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["notes"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "notes_200" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_method.notes.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "notes_error" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_method.notes.http_method
  status_code = lookup(var.note_statuses, "error", "502")
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
  status_code = aws_api_gateway_method_response.notes_200.status_code
}

resource "aws_api_gateway_integration_response" "notes_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["notes"].id
  http_method       = aws_api_gateway_integration.notes.http_method
  status_code       = "502"
  selection_pattern = "(\\n|.)+"
}
