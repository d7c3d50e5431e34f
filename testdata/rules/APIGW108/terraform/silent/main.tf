# Close to APIGW108 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# The stock integration's URI comes from the platform stack: it may be an
# HTTP backend, where status patterns are right.
variable "stock_uri" {
  type = string
}

locals {
  api = aws_api_gateway_rest_api.inventory.id

  item_errors = {
    "404" = "(\\n|.)*(Not Found|does not exist)(\\n|.)*"
    "409" = "\\[Conflict\\](\\n|.)*"
    "500" = "(\\n|.)+"
  }
}

resource "aws_api_gateway_rest_api" "inventory" {
  name = "inventory-api-fixed"
}

resource "aws_api_gateway_resource" "item" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.inventory.root_resource_id
  path_part   = "{itemId}"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["stock", "price"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.item.id
  path_part   = each.value
}

# GET /{itemId}: message patterns: a substring, a prefix the function
# writes, the error catch-all.

resource "aws_api_gateway_method" "item" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.item.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "item" {
  for_each = merge({ "200" = null }, local.item_errors)

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.item.id
  http_method = aws_api_gateway_method.item.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "item" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.item.id
  http_method             = aws_api_gateway_method.item.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.items.invoke_arn
}

resource "aws_api_gateway_integration_response" "item" {
  for_each = merge({ "200" = null }, local.item_errors)

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.item.id
  http_method       = aws_api_gateway_integration.item.http_method
  status_code       = aws_api_gateway_method_response.item[each.key].status_code
  selection_pattern = each.value
}

# GET /{itemId}/stock: status patterns on an integration whose URI is not
# known.

resource "aws_api_gateway_method" "stock" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["stock"].id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "stock" {
  for_each = toset(["200", "404", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["stock"].id
  http_method = aws_api_gateway_method.stock.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "stock" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["stock"].id
  http_method             = aws_api_gateway_method.stock.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = var.stock_uri
}

resource "aws_api_gateway_integration_response" "stock" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["stock"].id
  http_method = aws_api_gateway_integration.stock.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "stock_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["stock"].id
  http_method       = aws_api_gateway_integration.stock.http_method
  status_code       = "404"
  selection_pattern = "404"
}

resource "aws_api_gateway_integration_response" "stock_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["stock"].id
  http_method       = aws_api_gateway_integration.stock.http_method
  status_code       = "502"
  selection_pattern = "5\\d{2}"
}

# PUT /{itemId}/price: an HTTP backend, where a fixed status is right.

resource "aws_api_gateway_method" "price" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["price"].id
  http_method   = "PUT"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "price" {
  count = 3

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["price"].id
  http_method = aws_api_gateway_method.price.http_method
  status_code = ["200", "409", "502"][count.index]
}

resource "aws_api_gateway_integration" "price" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["price"].id
  http_method             = aws_api_gateway_method.price.http_method
  type                    = "HTTP"
  integration_http_method = "PUT"
  uri                     = "https://pricing.internal.example.com/items/{itemId}"
}

resource "aws_api_gateway_integration_response" "price_conflict" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["price"].id
  http_method       = aws_api_gateway_integration.price.http_method
  status_code       = aws_api_gateway_method_response.price[1].status_code
  selection_pattern = "409"
}

resource "aws_api_gateway_integration_response" "price_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["price"].id
  http_method       = aws_api_gateway_integration.price.http_method
  status_code       = aws_api_gateway_method_response.price[2].status_code
  selection_pattern = "4(0[0-8]|[1-9]\\d)|5\\d{2}"
}

resource "aws_api_gateway_integration_response" "price" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["price"].id
  http_method = aws_api_gateway_integration.price.http_method
  status_code = aws_api_gateway_method_response.price[0].status_code
}
