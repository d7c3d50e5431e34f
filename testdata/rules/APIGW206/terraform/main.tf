# APIGW206 in Terraform: JSONPaths that Jayway JsonPath rejects, in a <<-
# heredoc, a quoted string with escapes (" around the path) and a plain
# <<EOT heredoc. A finding points at the offending character of the path.

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

  # want +7 "APIGW206: JSONPath \"\\$.name.\" in \\$input.path is not valid: .*must not end with '.'"
  # want +7 "APIGW206: JSONPath \"\\$.items\\[\" in \\$input.json is not valid: '\\[' is not closed"
  request_templates = {
    "application/json" = <<-EOT
      {
        "TableName": "orders",
        "Item": {
          "name": {"S": "$util.escapeJavaScript($input.path('$.name.'))"},
          "items": {"S": "$util.escapeJavaScript($input.json('$.items['))"}
        }
      }
    EOT
    "application/x-amz-json-1.0" = "{\"TableName\": \"orders\",\n \"Item\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.json(\"$['id'\"))\"}, \"n\": {\"S\": \"$util.escapeJavaScript($input.json('$[name]'))\"}}}" # want "APIGW206: JSONPath \"\\$\\['id'\" in \\$input.json is not valid: '\\[' is not closed" "APIGW206: JSONPath \"\\$\\[name\\]\" .*must be quoted"
  }
}

resource "aws_api_gateway_integration_response" "create_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.create_order.http_method
  status_code = "200"

  # want +3 "APIGW206: .*the path is empty"
  response_templates = {
    "application/json" = <<EOT
{"id": "$util.escapeJavaScript($input.path(''))"}
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
