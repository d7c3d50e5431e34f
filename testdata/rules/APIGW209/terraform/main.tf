# APIGW209 in Terraform: integrations with request templates and
# passthrough_behavior WHEN_NO_MATCH. A request whose Content-Type has no
# template (text/plain) reaches SQS and DynamoDB unmapped. The finding is on
# the passthrough_behavior value.

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
  passthrough_behavior    = "WHEN_NO_MATCH" # want "APIGW209: passthroughBehavior \"WHEN_NO_MATCH\" sends requests whose content type has no request template to the backend unmapped; set it to \"WHEN_NO_TEMPLATES\""

  request_templates = {
    "application/json" = <<-EOT
      {
        "TableName": "orders",
        "Item": {
          "id": {"S": "$context.requestId"},
          "customer": {"S": "$util.escapeJavaScript($context.identity.caller)"},
          "sku": {"S": "$util.escapeJavaScript($input.path('$.sku'))"}
        }
      }
    EOT
    "application/x-www-form-urlencoded" = "#set($sku = $util.urlDecode($input.body).split(\"=\")[1])\n{\"TableName\": \"orders\", \"Item\": {\"id\": {\"S\": \"$context.requestId\"}, \"sku\": {\"S\": \"$util.escapeJavaScript($sku)\"}}}"
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

# POST /events: SQS SendMessage with a template file; WHEN_NO_MATCH comes
# from a variable.

variable "events_passthrough" {
  type    = string
  default = "WHEN_NO_MATCH"
}

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
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-sqs"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account_id}/events"
  passthrough_behavior    = var.events_passthrough # want "APIGW209: passthroughBehavior \"WHEN_NO_MATCH\""

  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }

  request_templates = {
    "application/json" = file("templates/send_event.vtl")
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
