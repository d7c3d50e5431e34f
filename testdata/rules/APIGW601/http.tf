resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "open" { # want "APIGW601: GET /orders has no authorization.*JWT"
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /orders"
}

resource "aws_apigatewayv2_route" "jwt" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "POST /orders"
  authorization_type = "JWT"
  authorizer_id      = "abc"
}

resource "aws_apigatewayv2_route" "preflight" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "OPTIONS /orders"
}
