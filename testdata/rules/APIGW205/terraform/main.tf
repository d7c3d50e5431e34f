# APIGW205 in Terraform: members of $context, $input and $util that API
# Gateway does not define, in a <<- heredoc and in quoted strings with
# escapes. Each finding spans the reference up to the unknown member.

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

  # want +9 "APIGW205: \"\\$util.escapeJson\" is not a variable API Gateway defines"
  # want +9 "APIGW205: \"\\$context.requestID\" .*did you mean \"\\$context.requestId\"\\?"
  # want +9 "APIGW205: \"\\$input.jsonpath\" .*did you mean \"\\$input.json\"\\?"
  # want +9 "APIGW205: \"\\$context.stageName\" .*did you mean \"\\$context.stage\"\\?"
  request_templates = {
    "application/json" = <<-EOT
      {
        "TableName": "orders",
        "Item": {
          "name": {"S": "$util.escapeJson($input.path('$.name'))"},
          "id": {"S": "$context.requestID"},
          "tags": {"S": "$util.escapeJavaScript($input.jsonpath('$.tags'))"},
          "stage": {"S": "$context.stageName"}
        }
      }
    EOT
  }
}

resource "aws_api_gateway_integration_response" "create_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.create_order.http_method
  status_code = "200"

  response_templates = {
    "application/json" = "{\"id\": \"$context.requestId\",\n \"ip\": \"$context.identity.sourceIP\"}" # want "APIGW205: \"\\$context.identity.sourceIP\" .*did you mean \"\\$context.identity.sourceIp\"\\?"
  }
}

resource "aws_api_gateway_integration_response" "create_order_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"

  response_templates = {
    "application/json" = "#set($context.responseOverride.statusCode = 404)\n{\"message\": \"$util.escapeJavaScript($input.path('$.message'))\"}" # want "APIGW205: \"\\$context.responseOverride.statusCode\" .*did you mean \"\\$context.responseOverride.status\"\\?"
  }
}

resource "aws_api_gateway_integration_response" "create_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}
