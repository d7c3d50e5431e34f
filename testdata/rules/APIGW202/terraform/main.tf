# APIGW202 in Terraform: $context.responseOverride.status set to values that
# are not status codes, in a <<- heredoc, a plain <<EOT heredoc, a quoted
# string with escapes, and a file() template. Each finding is on the value.

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

resource "aws_api_gateway_resource" "order" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "{orderId}"
}

# GET /{orderId}: DynamoDB GetItem. An empty result overrides the status
# with 40 (a digit dropped); errors with "4xx" and a variable that holds
# "Internal Server Error".

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "400", "404", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-dynamodb"
  uri                     = "arn:aws:apigateway:${var.region}:dynamodb:action/GetItem"
  passthrough_behavior    = "WHEN_NO_TEMPLATES"

  request_templates = {
    "application/json" = <<-EOT
      {
        "TableName": "orders",
        "Key": {"id": {"S": "$util.escapeJavaScript($input.params('orderId'))"}}
      }
    EOT
  }
}

resource "aws_api_gateway_integration_response" "get_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = "200"

  # want +5 "APIGW202: \"\\$context.responseOverride.status\" is set to \"40\", which is not a status code from 100 to 599"
  response_templates = {
    "application/json" = <<-EOT
      #set($item = $input.path('$.Item'))
      #if($item == "")
        #set($context.responseOverride.status = 40)
        {"message": "order not found"}
      #else
        {"id": "$util.escapeJavaScript($item.id.S)"}
      #end
    EOT
  }
}

resource "aws_api_gateway_integration_response" "get_order_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"

  response_templates = {
    "application/json" = "#set($context.responseOverride.status = \"4xx\")\n{\"message\": \"$util.escapeJavaScript($input.path('$.message'))\"}" # want "APIGW202: .*is set to \"4xx\""
  }
}

resource "aws_api_gateway_integration_response" "get_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"

  response_templates = {
    "application/json" = file("templates/error.vtl")
  }
}

# DELETE /{orderId}: DynamoDB DeleteItem; a plain heredoc sets 2040.

resource "aws_api_gateway_method" "delete_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "DELETE"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "delete_order" {
  for_each = toset(["204", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.delete_order.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "delete_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.delete_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-dynamodb"
  uri                     = "arn:aws:apigateway:${var.region}:dynamodb:action/DeleteItem"
  passthrough_behavior    = "WHEN_NO_TEMPLATES"

  request_templates = {
    "application/json" = "{\"TableName\": \"orders\", \"Key\": {\"id\": {\"S\": \"$util.escapeJavaScript($input.params('orderId'))\"}}}"
  }
}

resource "aws_api_gateway_integration_response" "delete_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.delete_order.http_method
  status_code = "204"

  # want +3 "APIGW202: .*is set to \"2040\""
  response_templates = {
    "application/json" = <<EOT
#set($context.responseOverride.status = 2040)
EOT
  }
}

resource "aws_api_gateway_integration_response" "delete_order_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.delete_order.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "delete_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.delete_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}
