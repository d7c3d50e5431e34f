provider "aws" {
  region = "eu-west-1"
}

resource "aws_api_gateway_domain_name" "typo" {
  domain_name              = "typo.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "TLS_1_3" # want "APIGW302: custom domain \"typo.example.com\": \"TLS_1_3\" is not an API Gateway security policy"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "edge_policy_on_regional" {
  domain_name              = "regional.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
  security_policy          = "SecurityPolicy_TLS12_2018_EDGE" # want "APIGW302: custom domain \"regional.example.com\" is REGIONAL but security policy \"SecurityPolicy_TLS12_2018_EDGE\" is for edge-optimized domains only"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# No endpoint_configuration: the provider's default, EDGE.
resource "aws_api_gateway_domain_name" "regional_policy_on_edge" {
  domain_name          = "edge.example.com"
  certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/3333"
  security_policy      = "SecurityPolicy_TLS13_1_3_2025_09" # want "APIGW302: custom domain \"edge.example.com\" is edge-optimized but security policy \"SecurityPolicy_TLS13_1_3_2025_09\" is for Regional and private domains only"
  endpoint_access_mode = "STRICT"
}

# A WebSocket API mapped to a domain whose policy is not TLS_1_2.
resource "aws_apigatewayv2_api" "ws" {
  name                       = "orders-ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "ws" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "live"

  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_apigatewayv2_domain_name" "ws" {
  domain_name = "ws.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/1111"
    endpoint_type   = "REGIONAL"
    security_policy = "SecurityPolicy_TLS13_1_2_2021_06" # want "APIGW302: .*WebSocket API \"orders-ws\" is mapped to it, and HTTP and WebSocket APIs support only TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "ws" {
  api_id      = aws_apigatewayv2_api.ws.id
  domain_name = aws_apigatewayv2_domain_name.ws.id
  stage       = aws_apigatewayv2_stage.ws.id
}
