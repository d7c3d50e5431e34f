# The templates of ../main.tf, fixed: separators placed with
# $foreach.hasNext, optional fields, quoted literals; an XML template is not
# JSON and not checked. No finding.

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
      {
        "TableName": "orders",
        "Item": {"id": {"S": "$context.requestId"}}
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
    "application/json" = <<-EOT
      #set($attrs = $input.path('$.Attributes'))
      {
        "id": "$context.requestId",
        #if($attrs.note)
        "note": "$util.escapeJavaScript($attrs.note.S)",
        #end
        "lines": [
        #foreach($line in $attrs.lines.L)
          {"sku": "$util.escapeJavaScript($line.M.sku.S)"}#if($foreach.hasNext),#end
        #end
        ]
      }
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
    "application/json" = "{\"error\": \"$util.escapeJavaScript($input.path('$.message'))\",\n \"retry\": false}"
    "application/xml"  = "<error retry=\"no\">$util.escapeJavaScript($input.path('$.message'))</error>"
  }
}

resource "aws_api_gateway_integration_response" "create_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}
