# The templates of ../main.tf with every variable set: #set (also after its
# use), #foreach variables with $foreach, API Gateway's roots, a $${…}
# formal reference to a set variable. No finding.

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
      #set($body = $util.parseJson($input.body))
      #set($debug = $input.params('debug') == "true")
      #set($customerId = $util.escapeJavaScript($context.authorizer.principalId))
      {
        "TableName": "orders",
        "Item": {
          "name": {"S": "$util.escapeJavaScript($body.name)"},
          "note": {"S": "$util.escapeJavaScript($!body.note)"},
          #if($debug)
          "debug": {"BOOL": true},
          #end
          "customer": {"S": "$${customerId}"},
          "lines": {"L": [#foreach($line in $body.lines){"S": "$util.escapeJavaScript($line)"}#if($foreach.hasNext),#end#end]},
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
    "application/json" = "#set($id = $context.requestId)\n#set($orderStatus = \"CREATED\")\n{\"id\": \"$id\", \"status\": \"$orderStatus\", \"stage\": \"$stageVariables.env\"}"
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
