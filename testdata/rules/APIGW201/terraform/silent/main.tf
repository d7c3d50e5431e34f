# The templates of ../main.tf, fixed: every block closed, parentheses
# balanced. Text that only looks like VTL ("$5.00 #hashtag") and HCL
# escapes ($${…}, \", \n) parse. No finding.

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
      #set($body = $util.parseJson($input.body))
      {
        "TableName": "orders",
        "Item": {
          "id": {"S": "$context.requestId"},
          #if($body.note)
          "note": {"S": "$util.escapeJavaScript($body.note)"},
          #end
          "price": {"S": "$5.00 #hashtag"},
          "total": {"N": "$util.escapeJavaScript($body.total)"}
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
    "application/json" = "#if($input.path('$.ConsumedCapacity'))\n## capacity is not returned\n#end\n{\"id\": \"$${context.requestId}\"}"
  }
}

resource "aws_api_gateway_integration_response" "create_order_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "create_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{orderId}"
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "400", "500"])

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
    "application/json" = file("${path.module}/templates/get_order.vtl")
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
      {"id": "$util.escapeJavaScript($item.id.S)"}
    EOT
  }
}

resource "aws_api_gateway_integration_response" "get_order_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "get_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}
