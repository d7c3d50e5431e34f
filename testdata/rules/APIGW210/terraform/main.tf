# APIGW210 in Terraform: client input written into JSON strings without
# $util.escapeJavaScript, in a <<- heredoc, a quoted string with escapes
# and a file() template. Each finding is on the reference.

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

resource "aws_api_gateway_resource" "events" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "events"
}

# POST /orders: DynamoDB PutItem with a heredoc and a quoted template.

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

  # want +10 "APIGW210: \"\\$id\", set from client input, is written into a JSON string unescaped"
  # want +10 "APIGW210: client input \"\\$input.path\\('\\$.sku'\\)\" is written into a JSON string unescaped"
  # want +11 "APIGW210: \"\\$line\", set from client input"
  request_templates = {
    "application/json" = <<-EOT
      #set($body = $input.path('$'))
      #set($id = $input.params('orderId'))
      {
        "TableName": "orders",
        "Item": {
          "id": {"S": "$id"},
          "sku": {"S": "$input.path('$.sku')"},
          "count": {"N": "$body.lines.size()"},
          "lines": {"SS": [#foreach($line in $body.lines)"$line"#if($foreach.hasNext),#end#end]},
          "safe": {"S": "$util.escapeJavaScript($body.note)"},
          "raw": $input.json('$.raw')
        }
      }
    EOT
    "application/x-amz-json-1.0" = "{\"TableName\": \"orders\",\n \"Item\": {\"id\": {\"S\": \"$context.requestId\"}, \"agent\": {\"S\": \"$input.params('User-Agent')\"}}}" # want "APIGW210: client input \"\\$input.params\\('User-Agent'\\)\""
  }
}

resource "aws_api_gateway_integration_response" "create_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.create_order.http_method
  status_code = "200"

  response_templates = {
    "application/json" = "{\"id\": \"$context.requestId\"}"
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

# POST /events: Step Functions StartExecution with a template file.

resource "aws_api_gateway_method" "send_event" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.events.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "send_event" {
  for_each = toset(["200", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.events.id
  http_method = aws_api_gateway_method.send_event.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "send_event" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.events.id
  http_method             = aws_api_gateway_method.send_event.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-sfn"
  uri                     = "arn:aws:apigateway:${var.region}:states:action/StartExecution"
  passthrough_behavior    = "WHEN_NO_TEMPLATES"

  request_templates = {
    "application/json" = file("templates/start_execution.vtl")
  }
}

resource "aws_api_gateway_integration_response" "send_event" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.events.id
  http_method = aws_api_gateway_integration.send_event.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "send_event_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.events.id
  http_method       = aws_api_gateway_integration.send_event.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "send_event_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.events.id
  http_method       = aws_api_gateway_integration.send_event.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}
