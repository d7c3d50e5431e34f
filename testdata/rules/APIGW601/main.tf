# A public REST API: methods without authorization, key or resource policy.
resource "aws_api_gateway_rest_api" "open" {
  name = "open"
}

resource "aws_api_gateway_resource" "pets" {
  rest_api_id = aws_api_gateway_rest_api.open.id
  parent_id   = aws_api_gateway_rest_api.open.root_resource_id
  path_part   = "pets"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.open.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "GET"
  authorization = "NONE" # want "APIGW601: GET /pets has no authorization"
}

# CORS preflight: open on purpose, whatever the case of the verb.
resource "aws_api_gateway_method" "preflight" {
  rest_api_id   = aws_api_gateway_rest_api.open.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "options"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "preflight" {
  rest_api_id       = aws_api_gateway_rest_api.open.id
  resource_id       = aws_api_gateway_resource.pets.id
  http_method       = aws_api_gateway_method.preflight.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\"statusCode\": 200}" }
}

resource "aws_api_gateway_method_response" "preflight" {
  rest_api_id = aws_api_gateway_rest_api.open.id
  resource_id = aws_api_gateway_resource.pets.id
  http_method = aws_api_gateway_method.preflight.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "preflight" {
  rest_api_id = aws_api_gateway_rest_api.open.id
  resource_id = aws_api_gateway_resource.pets.id
  http_method = aws_api_gateway_method.preflight.http_method
  status_code = aws_api_gateway_method_response.preflight.status_code
}

resource "aws_api_gateway_method" "keyed" {
  rest_api_id      = aws_api_gateway_rest_api.open.id
  resource_id      = aws_api_gateway_resource.pets.id
  http_method      = "HEAD"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method" "authorized" {
  rest_api_id   = aws_api_gateway_rest_api.open.id
  resource_id   = aws_api_gateway_rest_api.open.root_resource_id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = "abc123"
}

variable "delete_authorization" {
  type = string
}

resource "aws_api_gateway_method" "unknown" {
  rest_api_id   = aws_api_gateway_rest_api.open.id
  resource_id   = aws_api_gateway_resource.pets.id
  http_method   = "DELETE"
  authorization = var.delete_authorization
}
