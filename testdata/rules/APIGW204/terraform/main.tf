# APIGW204 in Terraform: variables a template never sets, in a <<- heredoc
# (a typo, a quiet $!reference, an #if test, a $${…} formal reference) and
# in a quoted string with escapes. Each finding is on the first use.

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

  # want +10 "APIGW204: variable \"\\$bdy\" is never set in the template"
  # want +10 "APIGW204: variable \"\\$note\" is never set"
  # want +10 "APIGW204: variable \"\\$debug\" is never set"
  # want +12 "APIGW204: variable \"\\$customerId\" is never set"
  request_templates = {
    "application/json" = <<-EOT
      #set($body = $util.parseJson($input.body))
      {
        "TableName": "orders",
        "Item": {
          "name": {"S": "$util.escapeJavaScript($bdy.name)"},
          "note": {"S": "$!note"},
          #if($debug)
          "debug": {"BOOL": true},
          #end
          "customer": {"S": "$${customerId}"},
          "again": {"S": "$util.escapeJavaScript($bdy.other)"},
          "id": {"S": "$util.escapeJavaScript($body.id)"}
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
    "application/json" = "#set($id = $context.requestId)\n{\"id\": \"$id\", \"status\": \"$orderStatus\"}" # want "APIGW204: variable \"\\$orderStatus\" is never set"
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
