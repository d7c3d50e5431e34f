# Close to APIGW107 but correct, or not decidable: no finding from any rule.

# Integration type chosen per environment; no default.
variable "search_integration_type" {
  type = string
}

locals {
  api = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api-fixed"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["orders", "legacy", "search", "status"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = each.value
}

# GET and POST /orders: Lambda proxy, no integration responses, with
# for_each.

resource "aws_api_gateway_method" "orders" {
  for_each = toset(["GET", "POST"])

  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["orders"].id
  http_method   = each.value
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders" {
  for_each = aws_api_gateway_method.orders

  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["orders"].id
  http_method             = each.value.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.orders.invoke_arn
}

# ANY /legacy: HTTP proxy, no integration responses.

resource "aws_api_gateway_method" "legacy" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["legacy"].id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "legacy" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["legacy"].id
  http_method             = aws_api_gateway_method.legacy.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  uri                     = "https://legacy.internal.example.com/legacy"
}

# GET /search: the integration type is not known: these responses may be
# in use.

resource "aws_api_gateway_method" "search" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["search"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "search" {
  for_each = toset(["200", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["search"].id
  http_method = aws_api_gateway_method.search.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "search" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["search"].id
  http_method             = aws_api_gateway_method.search.http_method
  type                    = var.search_integration_type
  integration_http_method = "GET"
  uri                     = "https://search.internal.example.com/orders"
}

resource "aws_api_gateway_integration_response" "search" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["search"].id
  http_method = aws_api_gateway_integration.search.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "search_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["search"].id
  http_method       = aws_api_gateway_integration.search.http_method
  status_code       = "502"
  selection_pattern = "[45]\\d{2}"
}

# GET /status: a non-proxy HTTP integration, where integration responses
# are what maps the backend's status.

resource "aws_api_gateway_method" "status" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["status"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "status" {
  for_each = toset(["200", "503"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_method.status.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "status" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["status"].id
  http_method             = aws_api_gateway_method.status.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://status.internal.example.com/health"
}

resource "aws_api_gateway_integration_response" "status" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["status"].id
  http_method       = aws_api_gateway_integration.status.http_method
  status_code       = "200"
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "status_down" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_integration.status.http_method
  status_code = "503"
}
