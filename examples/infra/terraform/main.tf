# The payments API, managed in Terraform.

variable "region" {
  type    = string
  default = "eu-west-1"
}

locals {
  error_responses = {
    "400" = ".*\\[BadRequest\\].*"
    "502" = "(\\n|.)+"
  }
}

resource "aws_api_gateway_rest_api" "payments" {
  name = "payments"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_resource" "payments" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  parent_id   = aws_api_gateway_rest_api.payments.root_resource_id
  path_part   = "payments"
}

# POST /payments: a Lambda custom integration.
resource "aws_api_gateway_method" "create" {
  rest_api_id   = aws_api_gateway_rest_api.payments.id
  resource_id   = aws_api_gateway_resource.payments.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "create" {
  rest_api_id             = aws_api_gateway_rest_api.payments.id
  resource_id             = aws_api_gateway_resource.payments.id
  http_method             = aws_api_gateway_method.create.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.create_payment.invoke_arn
}

resource "aws_api_gateway_method_response" "create" {
  for_each    = toset(["200", "400", "502"])
  rest_api_id = aws_api_gateway_rest_api.payments.id
  resource_id = aws_api_gateway_resource.payments.id
  http_method = aws_api_gateway_method.create.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration_response" "create_errors" {
  for_each          = local.error_responses
  rest_api_id       = aws_api_gateway_rest_api.payments.id
  resource_id       = aws_api_gateway_resource.payments.id
  http_method       = aws_api_gateway_method.create.http_method
  status_code       = each.key
  selection_pattern = each.value
}

resource "aws_api_gateway_integration_response" "create_default" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  resource_id = aws_api_gateway_resource.payments.id
  http_method = aws_api_gateway_method.create.http_method
  status_code = "502"
}

# GET /payments: an HTTP backend.
resource "aws_api_gateway_method" "list" {
  rest_api_id   = aws_api_gateway_rest_api.payments.id
  resource_id   = aws_api_gateway_resource.payments.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "list" {
  rest_api_id             = aws_api_gateway_rest_api.payments.id
  resource_id             = aws_api_gateway_resource.payments.id
  http_method             = aws_api_gateway_method.list.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://payments.internal.example.com/v1/payments"
}

resource "aws_api_gateway_method_response" "list_ok" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  resource_id = aws_api_gateway_resource.payments.id
  http_method = aws_api_gateway_method.list.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "list_ok" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  resource_id = aws_api_gateway_resource.payments.id
  http_method = aws_api_gateway_method.list.http_method
  status_code = aws_api_gateway_method_response.list_ok.status_code
}

resource "aws_api_gateway_integration_response" "list_unavailable" {
  rest_api_id       = aws_api_gateway_rest_api.payments.id
  resource_id       = aws_api_gateway_resource.payments.id
  http_method       = aws_api_gateway_method.list.http_method
  status_code       = "503"
  selection_pattern = "503"
}

resource "aws_api_gateway_deployment" "payments" {
  rest_api_id = aws_api_gateway_rest_api.payments.id
  depends_on  = [aws_api_gateway_integration.create, aws_api_gateway_integration.list]
}

resource "aws_api_gateway_stage" "production" {
  rest_api_id   = aws_api_gateway_rest_api.payments.id
  deployment_id = aws_api_gateway_deployment.payments.id
  stage_name    = "production"
}
