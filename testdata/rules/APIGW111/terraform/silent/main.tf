# Close to APIGW111 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# Status of the invites default, supplied by the caller; no default.
variable "invites_default_status" {
  type = string
}

locals {
  api            = aws_api_gateway_rest_api.accounts.id
  created_status = "201"
}

resource "aws_api_gateway_rest_api" "accounts" {
  name = "accounts-api-fixed"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["accounts", "sessions", "invites", "health"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.accounts.root_resource_id
  path_part   = each.value
}

# GET /accounts: default 200, errors by pattern.

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

resource "aws_api_gateway_integration_response" "accounts" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["accounts"].id
  http_method = aws_api_gateway_integration.accounts.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "accounts_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["accounts"].id
  http_method       = aws_api_gateway_integration.accounts.http_method
  status_code       = "502"
  selection_pattern = "(\\n|.)+"
}

# POST /sessions: the default is 201, from a local.

resource "aws_api_gateway_method" "sessions" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["sessions"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "sessions" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["sessions"].id
  http_method = aws_api_gateway_method.sessions.http_method
  status_code = [local.created_status, "401"][count.index]
}

resource "aws_api_gateway_integration" "sessions" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["sessions"].id
  http_method             = aws_api_gateway_method.sessions.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:123456789012:function:Sessions/invocations"
}

resource "aws_api_gateway_integration_response" "sessions" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["sessions"].id
  http_method = aws_api_gateway_integration.sessions.http_method
  status_code = aws_api_gateway_method_response.sessions[0].status_code
}

resource "aws_api_gateway_integration_response" "sessions_denied" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["sessions"].id
  http_method       = aws_api_gateway_integration.sessions.http_method
  status_code       = aws_api_gateway_method_response.sessions[1].status_code
  selection_pattern = "(\\n|.)*\\[Unauthorized\\](\\n|.)*"
}

# DELETE /invites: the default's status is not known.

resource "aws_api_gateway_method" "invites" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["invites"].id
  http_method   = "DELETE"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "invites" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["invites"].id
  http_method = aws_api_gateway_method.invites.http_method
  status_code = var.invites_default_status
}

resource "aws_api_gateway_method_response" "invites_error" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["invites"].id
  http_method = aws_api_gateway_method.invites.http_method
  status_code = "500"
}

resource "aws_api_gateway_integration" "invites" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["invites"].id
  http_method             = aws_api_gateway_method.invites.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.invites.invoke_arn
}

resource "aws_api_gateway_integration_response" "invites" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["invites"].id
  http_method = aws_api_gateway_integration.invites.http_method
  status_code = aws_api_gateway_method_response.invites.status_code
}

resource "aws_api_gateway_integration_response" "invites_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["invites"].id
  http_method       = aws_api_gateway_integration.invites.http_method
  status_code       = aws_api_gateway_method_response.invites_error.status_code
  selection_pattern = "(\\n|.)+"
}

# GET /health: an HTTP backend: the default sees a status code, and a 503
# default for a health check whose 2xx is mapped is right.

resource "aws_api_gateway_method" "health" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["health"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "health" {
  for_each = toset(["200", "503"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["health"].id
  http_method = aws_api_gateway_method.health.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "health" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["health"].id
  http_method             = aws_api_gateway_method.health.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://accounts.internal.example.com/health"
}

resource "aws_api_gateway_integration_response" "health_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["health"].id
  http_method       = aws_api_gateway_integration.health.http_method
  status_code       = "200"
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "health" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["health"].id
  http_method = aws_api_gateway_integration.health.http_method
  status_code = "503"
}

# GET /login: a redirect endpoint: the function's success is a 302 with a
# Location header; a 3xx default is not reported.

resource "aws_api_gateway_resource" "login" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.accounts.root_resource_id
  path_part   = "login"
}

resource "aws_api_gateway_method" "login" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.login.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "login" {
  for_each = toset(["302", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.login.id
  http_method = aws_api_gateway_method.login.http_method
  status_code = each.value

  response_parameters = each.value == "302" ? { "method.response.header.Location" = true } : {}
}

resource "aws_api_gateway_integration" "login" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.login.id
  http_method             = aws_api_gateway_method.login.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.login.invoke_arn
}

resource "aws_api_gateway_integration_response" "login" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.login.id
  http_method = aws_api_gateway_integration.login.http_method
  status_code = aws_api_gateway_method_response.login["302"].status_code

  response_parameters = {
    "method.response.header.Location" = "integration.response.body.location"
  }
}

resource "aws_api_gateway_integration_response" "login_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.login.id
  http_method       = aws_api_gateway_integration.login.http_method
  status_code       = aws_api_gateway_method_response.login["500"].status_code
  selection_pattern = "(\\n|.)+"
}
