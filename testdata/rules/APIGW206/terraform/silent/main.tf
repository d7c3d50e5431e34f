# The JSONPaths of ../main.tf, valid: closed brackets, quoted names in
# brackets, a path without root, deep scan, slices, a filter, and a path
# built from a variable. No finding.

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

# POST /orders: DynamoDB PutItem.

resource "aws_api_gateway_method" "create_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "create_order" {
  for_each = toset(["200", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.create_order.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "create_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.create_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-dynamodb"
  uri                     = "arn:aws:apigateway:${var.region}:dynamodb:action/PutItem"
  passthrough_behavior    = "WHEN_NO_TEMPLATES"

  request_templates = {
    "application/json" = <<-EOT
      #set($field = $input.params('field'))
      {
        "TableName": "orders",
        "Item": {
          "name": {"S": "$util.escapeJavaScript($input.path('$.name'))"},
          "items": {"S": "$util.escapeJavaScript($input.json('$.items[0]'))"},
          "last": {"S": "$util.escapeJavaScript($input.json('$.items[-1:]'))"},
          "cheap": {"S": "$util.escapeJavaScript($input.json('$.items[?(@.price < 10)].id'))"},
          "prices": {"S": "$util.escapeJavaScript($input.json('$..price'))"},
          "first": {"S": "$util.escapeJavaScript($input.path('customer.first'))"},
          "field": {"S": "$util.escapeJavaScript($input.path("$.$field"))"}
        }
      }
    EOT
    "application/x-amz-json-1.0" = "{\"TableName\": \"orders\",\n \"Item\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.json(\"$['id']\"))\"}, \"n\": {\"S\": \"$util.escapeJavaScript($input.json(\"$['first name', 'last name']\"))\"}}}"
  }
}

resource "aws_api_gateway_integration_response" "create_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.create_order.http_method
  status_code = "200"

  response_templates = {
    "application/json" = <<EOT
{"id": "$util.escapeJavaScript($input.path('$'))"}
EOT
  }
}

resource "aws_api_gateway_integration_response" "create_order_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"

  response_templates = {
    "application/json" = "{\"message\": \"$util.escapeJavaScript($input.path('$.message'))\"}"
  }
}

resource "aws_api_gateway_integration_response" "create_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}
