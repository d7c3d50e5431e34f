# APIs mapped onto domains that cannot serve them.

resource "aws_apigatewayv2_api" "ws" {
  name                       = "chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "ws" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "live"
}

resource "aws_apigatewayv2_stage" "http" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "live"

  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_apigatewayv2_domain_name" "shared" {
  domain_name = "api.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_api_gateway_domain_name" "edge" {
  domain_name     = "edge.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/efgh"
  security_policy = "TLS_1_2"
}

resource "aws_api_gateway_domain_name" "enhanced" {
  domain_name              = "tls13.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "SecurityPolicy_TLS13_1_3_2025_09"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_api_mapping" "ws" { # want "APIGW404: WebSocket API"
  api_id          = aws_apigatewayv2_api.ws.id
  domain_name     = aws_apigatewayv2_domain_name.shared.id
  stage           = aws_apigatewayv2_stage.ws.id
  api_mapping_key = "chat"
}

resource "aws_apigatewayv2_api_mapping" "http" {
  api_id          = aws_apigatewayv2_api.http.id
  domain_name     = aws_apigatewayv2_domain_name.shared.id
  stage           = aws_apigatewayv2_stage.http.id
  api_mapping_key = "orders"
}

resource "aws_apigatewayv2_api_mapping" "http_edge" { # want "APIGW404: .*edge-optimized"
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_api_gateway_domain_name.edge.domain_name
  stage       = aws_apigatewayv2_stage.http.id
}

resource "aws_apigatewayv2_api_mapping" "http_enhanced" { # want "APIGW404: .*enhanced"
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_api_gateway_domain_name.enhanced.domain_name
  stage       = aws_apigatewayv2_stage.http.id
}
