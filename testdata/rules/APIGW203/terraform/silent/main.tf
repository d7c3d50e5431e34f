# The overrides of ../main.tf, each on its own side: request overrides in
# the request template, response overrides in the response templates. No
# finding.

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api = aws_api_gateway_rest_api.queue.id
}

resource "aws_api_gateway_rest_api" "queue" {
  name = "queue-api"
}

resource "aws_api_gateway_resource" "messages" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.queue.root_resource_id
  path_part   = "messages"
}

# POST /messages: SQS SendMessage.

resource "aws_api_gateway_method" "send_message" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.messages.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "send_message" {
  for_each = toset(["200", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.messages.id
  http_method = aws_api_gateway_method.send_message.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "send_message" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.messages.id
  http_method             = aws_api_gateway_method.send_message.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-sqs"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account_id}/messages"
  passthrough_behavior    = "WHEN_NO_TEMPLATES"

  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }

  request_templates = {
    "application/json" = <<-EOT
      #set($context.requestOverride.header.X-Source = "api")
      Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageAttribute.1.Name=trace&MessageAttribute.1.Value.StringValue=$${context.requestId}&MessageAttribute.1.Value.DataType=String
    EOT
  }
}

resource "aws_api_gateway_integration_response" "send_message" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.messages.id
  http_method = aws_api_gateway_integration.send_message.http_method
  status_code = "200"

  response_templates = {
    "application/json" = <<-EOT
      #set($context.responseOverride.header.X-Trace = $context.requestId)
      {"messageId": "$util.escapeJavaScript($input.path('$.SendMessageResponse.SendMessageResult.MessageId'))"}
    EOT
  }
}

resource "aws_api_gateway_integration_response" "send_message_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.messages.id
  http_method       = aws_api_gateway_integration.send_message.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"

  response_templates = {
    "application/json" = "#set($context.responseOverride.header.X-Retry = \"false\")\n{\"error\": \"$util.escapeJavaScript($input.path('$.Error.Message'))\"}"
  }
}

resource "aws_api_gateway_integration_response" "send_message_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.messages.id
  http_method       = aws_api_gateway_integration.send_message.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"

  response_templates = {
    "application/json" = file("templates/error.vtl")
  }
}
