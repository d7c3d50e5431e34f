resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_authorizer" "long_cache" {
  name                             = "long-cache"
  rest_api_id                      = aws_api_gateway_rest_api.api.id
  authorizer_uri                   = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations"
  authorizer_result_ttl_in_seconds = 7200 # want "APIGW604: authorizer \"long-cache\" caches results for 7200 seconds"
}

resource "aws_api_gateway_authorizer" "query_token" {
  name            = "query-token"
  rest_api_id     = aws_api_gateway_rest_api.api.id
  type            = "TOKEN"
  authorizer_uri  = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations"
  identity_source = "method.request.querystring.token" # want "APIGW604: TOKEN authorizer \"query-token\" reads its token from"
}

resource "aws_api_gateway_authorizer" "cognito" { # want "APIGW604: COGNITO_USER_POOLS authorizer \"cognito\" names no user pool"
  name          = "cognito"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = []
}

# The provider's defaults: TOKEN, the Authorization header, 300 s.
resource "aws_api_gateway_authorizer" "defaults" {
  name           = "defaults"
  rest_api_id    = aws_api_gateway_rest_api.api.id
  authorizer_uri = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations"
}

resource "aws_api_gateway_authorizer" "request" {
  name                             = "request"
  rest_api_id                      = aws_api_gateway_rest_api.api.id
  type                             = "REQUEST"
  authorizer_uri                   = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations"
  identity_source                  = "method.request.header.Authorization, method.request.querystring.tenant"
  authorizer_result_ttl_in_seconds = 3600
}

resource "aws_api_gateway_authorizer" "pools" {
  name          = "pools"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = ["arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc"]
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "lambda" {
  api_id                            = aws_apigatewayv2_api.http.id
  name                              = "lambda"
  authorizer_type                   = "REQUEST"
  authorizer_uri                    = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations"
  authorizer_payload_format_version = "2.0"
  identity_sources                  = ["$request.header.Authorization"]
  authorizer_result_ttl_in_seconds  = 86400 # want "APIGW604: authorizer \"lambda\" caches results for 86400"
}
