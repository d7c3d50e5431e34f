# The overrides of ../main.tf with three-digit codes, as numbers and as
# strings, and a value only known at run time: no finding.

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

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "400", "404", "429", "500", "503"])

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

  response_templates = {
    "application/json" = <<-EOT
      #set($item = $input.path('$.Item'))
      #if($item == "")
        #set($context.responseOverride.status = 404)
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
    "application/json" = "#if($input.path('$.__type').contains(\"Throttling\"))#set($context.responseOverride.status = \"429\")#end\n{\"message\": \"$util.escapeJavaScript($input.path('$.message'))\"}"
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
