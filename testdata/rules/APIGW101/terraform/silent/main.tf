# Valid Java patterns, several of which Go's regexp or ECMAScript reject
# (look-ahead, possessive and atomic groups, Java named groups,
# \p{javaDigit}, inline flags), and a pattern that is not known: no finding
# from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# Supplied per environment; no default, so not known here.
variable "throttled_pattern" {
  type = string
}

locals {
  api = aws_api_gateway_rest_api.customers.id
  crm = "https://crm.internal.example.com"

  get_customer_responses = {
    "400" = "(?!404)4\\d{2}"
    "404" = "404"
    "502" = "(?<code>5\\d{2})"
    "200" = null
  }
}

resource "aws_api_gateway_rest_api" "customers" {
  name = "customers-api-fixed"
}

resource "aws_api_gateway_resource" "customer" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.customers.root_resource_id
  path_part   = "{customerId}"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.customer.id
  path_part   = "orders"
}

# GET /{customerId}: look-ahead and a Java named group.

resource "aws_api_gateway_method" "get_customer" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.customer.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_customer" {
  for_each = local.get_customer_responses

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_method.get_customer.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "get_customer" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.customer.id
  http_method             = aws_api_gateway_method.get_customer.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.crm}/customers/{customerId}"
}

resource "aws_api_gateway_integration_response" "get_customer" {
  for_each = local.get_customer_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.get_customer.http_method
  status_code       = aws_api_gateway_method_response.get_customer[each.key].status_code
  selection_pattern = each.value
}

# PUT /{customerId}: possessive quantifier on \p{javaDigit}, atomic group.

resource "aws_api_gateway_method" "put_customer" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.customer.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "put_customer" {
  count = 4

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_method.put_customer.http_method
  status_code = element(["200", "400", "502", "500"], count.index)
}

resource "aws_api_gateway_integration" "put_customer" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.customer.id
  http_method             = aws_api_gateway_method.put_customer.http_method
  type                    = "HTTP"
  integration_http_method = "PUT"
  uri                     = "${local.crm}/customers/{customerId}"
}

resource "aws_api_gateway_integration_response" "put_customer_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.put_customer.http_method
  status_code       = aws_api_gateway_method_response.put_customer[2].status_code
  selection_pattern = "5\\p{javaDigit}{2}+"
}

resource "aws_api_gateway_integration_response" "put_customer_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.put_customer.http_method
  status_code       = aws_api_gateway_method_response.put_customer[1].status_code
  selection_pattern = "(?>4\\d{2})"
}

resource "aws_api_gateway_integration_response" "put_customer_2xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.put_customer.http_method
  status_code       = aws_api_gateway_method_response.put_customer[0].status_code
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "put_customer" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_integration.put_customer.http_method
  status_code = aws_api_gateway_method_response.put_customer[3].status_code
}

# GET /{customerId}/orders: Lambda, inline flags; the throttling pattern is
# not known.

resource "aws_api_gateway_method" "customer_orders" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "customer_orders" {
  for_each = toset(["200", "404", "429", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.customer_orders.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "customer_orders" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.customer_orders.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.customer_orders.invoke_arn
}

resource "aws_api_gateway_integration_response" "customer_orders" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.customer_orders.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "customer_orders_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.customer_orders.http_method
  status_code       = "404"
  selection_pattern = "(?i)(\\n|.)*not found(\\n|.)*"
}

resource "aws_api_gateway_integration_response" "customer_orders_internal" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.customer_orders.http_method
  status_code       = "500"
  selection_pattern = "(?s).*\\[Internal\\].*"
}

resource "aws_api_gateway_integration_response" "customer_orders_throttled" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.customer_orders.http_method
  status_code       = "429"
  selection_pattern = var.throttled_pattern
}

resource "aws_lambda_function" "customer_orders" {
  function_name = "customer-orders"
  role          = "arn:aws:iam::123456789012:role/customer-orders"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "customer-orders.zip"
}
