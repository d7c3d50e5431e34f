# Close to APIGW104 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# Error pattern of the reports function, set per environment; no default.
variable "reports_error_pattern" {
  type = string
}

# HTTP verbs by route, supplied by the caller; no default.
variable "verbs" {
  type = map(string)
}

locals {
  api        = aws_api_gateway_rest_api.orders.id
  orders_arn = "arn:aws:lambda:${var.region}:123456789012:function:Orders"

  # Error mappings of GET /orders/{orderId}: function errors written as
  # "[BadRequest] …" and anything else.
  get_order_errors = {
    "400" = "(\\n|.)*\\[BadRequest\\](\\n|.)*"
    "500" = "(\\n|.)+"
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
  for_each = toset(["events", "reports", "exports", "labels"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = each.value
}

# GET /{orderId}: errors mapped by their message.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${local.orders_arn}/invocations"
}

resource "aws_api_gateway_integration_response" "get_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "get_order_errors" {
  for_each = local.get_order_errors

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = each.key
  selection_pattern = each.value
}

# POST /{orderId}/events: Lambda proxy, no integration responses at all.

resource "aws_api_gateway_method" "events" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["events"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "events" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["events"].id
  http_method             = aws_api_gateway_method.events.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.events.invoke_arn
}

# GET /{orderId}/reports: the only error pattern is not known.

resource "aws_api_gateway_method" "reports" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["reports"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "reports" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["reports"].id
  http_method = aws_api_gateway_method.reports.http_method
  status_code = ["200", "500"][count.index]
}

resource "aws_api_gateway_integration" "reports" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["reports"].id
  http_method             = aws_api_gateway_method.reports.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.reports.invoke_arn
}

resource "aws_api_gateway_integration_response" "reports" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["reports"].id
  http_method = aws_api_gateway_integration.reports.http_method
  status_code = aws_api_gateway_method_response.reports[0].status_code
}

resource "aws_api_gateway_integration_response" "reports_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["reports"].id
  http_method       = aws_api_gateway_integration.reports.http_method
  status_code       = aws_api_gateway_method_response.reports[1].status_code
  selection_pattern = var.reports_error_pattern
}

# POST /{orderId}/exports: the error mapping names its method through a map
# lookup that is not known: it may be this method's.

resource "aws_api_gateway_method" "exports" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["exports"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "exports" {
  for_each = toset(["200", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["exports"].id
  http_method = aws_api_gateway_method.exports.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "exports" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["exports"].id
  http_method             = aws_api_gateway_method.exports.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.reports.invoke_arn
}

resource "aws_api_gateway_integration_response" "exports" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["exports"].id
  http_method = aws_api_gateway_integration.exports.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "exports_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["exports"].id
  http_method       = lookup(var.verbs, "exports", "POST")
  status_code       = "500"
  selection_pattern = "(\\n|.)+"
}

# PUT /{orderId}/labels: the same, the verb named by a variable without a
# value.

variable "labels_verb" {
  type = string
}

resource "aws_api_gateway_method" "labels" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["labels"].id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "labels" {
  for_each = toset(["200", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["labels"].id
  http_method = aws_api_gateway_method.labels.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "labels" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["labels"].id
  http_method             = aws_api_gateway_method.labels.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.reports.invoke_arn
}

resource "aws_api_gateway_integration_response" "labels" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["labels"].id
  http_method = aws_api_gateway_integration.labels.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "labels_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["labels"].id
  http_method       = var.labels_verb
  status_code       = "500"
  selection_pattern = "(\\n|.)+"
}
