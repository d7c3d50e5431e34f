# APIGW111 in Terraform: the default integration response of a Lambda
# custom integration maps to a 4xx/5xx, so every successful invocation (which
# has no error message) reaches the client as an error. The finding is on
# the default response's status_code.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api = aws_api_gateway_rest_api.accounts.id
}

resource "aws_api_gateway_rest_api" "accounts" {
  name = "accounts-api"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["accounts", "sessions", "invites", "avatars"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.accounts.root_resource_id
  path_part   = each.value
}

# GET /accounts: success written as a pattern, the default left on the
# upstream-error status.

resource "aws_api_gateway_method" "accounts" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["accounts"].id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "accounts" {
  for_each = toset(["200", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["accounts"].id
  http_method = aws_api_gateway_method.accounts.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "accounts" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["accounts"].id
  http_method             = aws_api_gateway_method.accounts.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.accounts.invoke_arn
}

resource "aws_api_gateway_integration_response" "accounts_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["accounts"].id
  http_method       = aws_api_gateway_integration.accounts.http_method
  status_code       = "200"
  selection_pattern = "(\\n|.)*\"ok\":\\s*true(\\n|.)*"
}

resource "aws_api_gateway_integration_response" "accounts" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["accounts"].id
  http_method = aws_api_gateway_integration.accounts.http_method
  status_code = "502" # want "APIGW111: .*returns 502, and every successful invocation takes the default"
}

# POST /sessions: responses from a map, where the entry without a pattern
# (the default) is the validation error.

locals {
  session_responses = {
    "201" = { pattern = "(\\n|.)*\\[Created\\](\\n|.)*" }
    "422" = { pattern = null }
    "500" = { pattern = "(\\n|.)*\\[Internal\\](\\n|.)*" }
  }
}

resource "aws_api_gateway_method" "sessions" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["sessions"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "sessions" {
  for_each = local.session_responses

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["sessions"].id
  http_method = aws_api_gateway_method.sessions.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "sessions" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["sessions"].id
  http_method             = aws_api_gateway_method.sessions.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:Sessions/invocations"
}

resource "aws_api_gateway_integration_response" "sessions" {
  for_each = local.session_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["sessions"].id
  http_method       = aws_api_gateway_integration.sessions.http_method
  status_code       = aws_api_gateway_method_response.sessions[each.key].status_code # want "APIGW111: .*returns 422"
  selection_pattern = each.value.pattern
}

# DELETE /invites: an empty selection_pattern is the default too.

resource "aws_api_gateway_method" "invites" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["invites"].id
  http_method   = "DELETE"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "invites" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["invites"].id
  http_method = aws_api_gateway_method.invites.http_method
  status_code = ["204", "500"][count.index]
}

resource "aws_api_gateway_integration" "invites" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["invites"].id
  http_method             = aws_api_gateway_method.invites.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_alias.invites_live.invoke_arn
}

resource "aws_api_gateway_integration_response" "invites_deleted" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["invites"].id
  http_method       = aws_api_gateway_integration.invites.http_method
  status_code       = aws_api_gateway_method_response.invites[0].status_code
  selection_pattern = "(\\n|.)*\\[Deleted\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "invites" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["invites"].id
  http_method       = aws_api_gateway_integration.invites.http_method
  status_code       = aws_api_gateway_method_response.invites[1].status_code # want "APIGW111: the default response of this Lambda integration returns 500, and every successful invocation takes the default"
  selection_pattern = ""
}

# PUT /avatars: the default is a client error.

resource "aws_api_gateway_method" "avatars" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["avatars"].id
  http_method   = "PUT"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "avatars_200" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["avatars"].id
  http_method = aws_api_gateway_method.avatars.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "avatars_400" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["avatars"].id
  http_method = aws_api_gateway_method.avatars.http_method
  status_code = "400"
}

resource "aws_api_gateway_integration" "avatars" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["avatars"].id
  http_method             = aws_api_gateway_method.avatars.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.avatars.invoke_arn
}

resource "aws_api_gateway_integration_response" "avatars" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["avatars"].id
  http_method = aws_api_gateway_integration.avatars.http_method
  status_code = aws_api_gateway_method_response.avatars_400.status_code # want "APIGW111: .*returns 400, .*all successful calls reach clients as 400"
}

resource "aws_api_gateway_integration_response" "avatars_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["avatars"].id
  http_method       = aws_api_gateway_integration.avatars.http_method
  status_code       = aws_api_gateway_method_response.avatars_200.status_code
  selection_pattern = "(\\n|.)*\\[Saved\\](\\n|.)*"
}
