# APIGW110 in Terraform: a catch-all selection pattern on a non-default
# integration response replaces the default response.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api     = aws_api_gateway_rest_api.payments.id
  backend = "https://payments.internal.example.com"
}

resource "aws_api_gateway_rest_api" "payments" {
  name = "payments-api"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["payments", "refunds", "charges", "ledger", "status", "fx"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.payments.root_resource_id
  path_part   = each.value
}

# GET /payments: Lambda; "any message, line breaks included" also matches
# the empty message of a success, so every success becomes a 404.

resource "aws_api_gateway_method" "payments" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["payments"].id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "payments" {
  for_each = toset(["200", "404"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["payments"].id
  http_method = aws_api_gateway_method.payments.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "payments" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["payments"].id
  http_method             = aws_api_gateway_method.payments.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.payments.invoke_arn
}

resource "aws_api_gateway_integration_response" "payments" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["payments"].id
  http_method = aws_api_gateway_integration.payments.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "payments_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["payments"].id
  http_method       = aws_api_gateway_integration.payments.http_method
  status_code       = "404"
  selection_pattern = "(\\n|.)*" # want "APIGW110: .* matches the empty error message of every successful Lambda invocation, so every success is returned as 404"
}

resource "aws_lambda_function" "payments" {
  function_name = "payments"
  role          = "arn:aws:iam::${var.account_id}:role/payments"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "payments.zip"
}

# POST /refunds: Lambda; a 2xx catch-all replaces the default, and `.*`
# mapped to 500 turns every success into an error. Error mappings from a map.

locals {
  refund_responses = {
    "202" = "(?s).*"
    "500" = ".*"
  }
}

resource "aws_api_gateway_method" "refunds" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["refunds"].id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "refunds" {
  for_each = toset(["200", "202", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["refunds"].id
  http_method = aws_api_gateway_method.refunds.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "refunds" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["refunds"].id
  http_method             = aws_api_gateway_method.refunds.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:Refunds/invocations"
}

resource "aws_api_gateway_integration_response" "refunds" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["refunds"].id
  http_method = aws_api_gateway_integration.refunds.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "refunds_mapped" {
  for_each = local.refund_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["refunds"].id
  http_method       = aws_api_gateway_integration.refunds.http_method
  status_code       = each.key
  selection_pattern = each.value # want "APIGW110: selection pattern .\\(\\?s\\)\\.\\*. matches every invocation, successes included, so it replaces the default response" "APIGW110: selection pattern .\\.\\*. matches the empty error message of every successful Lambda invocation, so every success is returned as 500" "APIGW109: selection pattern .\\.\\*. cannot match"
}

# GET /charges: HTTP; a "success" pattern that matches every status code.

resource "aws_api_gateway_method" "charges" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["charges"].id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "charges" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["charges"].id
  http_method = aws_api_gateway_method.charges.http_method
  status_code = ["200", "500"][count.index]
}

resource "aws_api_gateway_integration" "charges" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["charges"].id
  http_method             = aws_api_gateway_method.charges.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/charges"
}

resource "aws_api_gateway_integration_response" "charges_ok" { # want "APIGW103: backend 400–599 are returned to clients as 200 by the response for pattern"
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["charges"].id
  http_method       = aws_api_gateway_integration.charges.http_method
  status_code       = aws_api_gateway_method_response.charges[0].status_code
  selection_pattern = "[1-5]\\d\\d" # want "APIGW110: .* matches every status code 100–599, so every backend error is returned as 200"
}

resource "aws_api_gateway_integration_response" "charges" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["charges"].id
  http_method = aws_api_gateway_integration.charges.http_method
  status_code = aws_api_gateway_method_response.charges[1].status_code
}

# POST /ledger: SQS; any three digits.

resource "aws_api_gateway_method" "ledger" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["ledger"].id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "ledger" {
  for_each = toset(["200", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["ledger"].id
  http_method = aws_api_gateway_method.ledger.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "ledger" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["ledger"].id
  http_method             = aws_api_gateway_method.ledger.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-sqs-send"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account_id}/ledger"
}

resource "aws_api_gateway_integration_response" "ledger_sent" { # want "APIGW103: backend 400–599 are returned to clients as 200 by the response for pattern"
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["ledger"].id
  http_method       = aws_api_gateway_integration.ledger.http_method
  status_code       = "200"
  selection_pattern = "\\d{3}" # want "APIGW110: selection pattern .* matches every status code 100–599, so every backend error is returned as 200"
}

resource "aws_api_gateway_integration_response" "ledger" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["ledger"].id
  http_method = aws_api_gateway_integration.ledger.http_method
  status_code = "500"
}

# GET /status: HTTP; an "error" catch-all takes the successes too.

resource "aws_api_gateway_method" "status" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["status"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "status" {
  for_each = toset(["200", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_method.status.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "status" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["status"].id
  http_method             = aws_api_gateway_method.status.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/status"
}

resource "aws_api_gateway_integration_response" "status" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_integration.status.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "status_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["status"].id
  http_method       = aws_api_gateway_integration.status.http_method
  status_code       = "502"
  selection_pattern = "[\\s\\S]*" # want "APIGW110: selection pattern .* matches every status code 100–599, successes included, so backend successes can be returned as 502"
}
