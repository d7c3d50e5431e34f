# APIGW208 in Terraform: status overrides to codes the method declares no
# response for. POST /orders declares 200, 400 and 500 as
# aws_api_gateway_method_response resources; its response templates
# override with 201 (a <<- heredoc, through a variable), "409" (a quoted
# string with escapes) and 503 (a file() template). Each finding is on the
# value.

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
        "Item": {"id": {"S": "$context.requestId"}, "sku": {"S": "$util.escapeJavaScript($input.path('$.sku'))"}},
        "ConditionExpression": "attribute_not_exists(id)"
      }
    EOT
  }
}

resource "aws_api_gateway_integration_response" "create_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.create_order.http_method
  status_code = "200"

  # want +5 "APIGW208: \"\\$context.responseOverride.status\" is set to 201, but POST /orders declares no 201 method response; declare the 201 response on the method"
  response_templates = {
    "application/json" = <<-EOT
      #set($created = 201)
      #if($input.path('$.ConsumedCapacity') != "")
        #set($context.responseOverride.status = $created)
      #end
      {"id": "$context.requestId"}
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
    "application/json" = "#if($input.path('$.__type').contains(\"ConditionalCheckFailed\"))#set($context.responseOverride.status = \"409\")#end\n{\"message\": \"$util.escapeJavaScript($input.path('$.message'))\"}" # want "APIGW208: .*is set to 409, but POST /orders declares no 409 method response"
  }
}

resource "aws_api_gateway_integration_response" "create_order_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.create_order.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"

  response_templates = {
    "application/json" = file("templates/error.vtl")
  }
}
