resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"
  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
    data_trace_enabled     = true # want "APIGW702"
    logging_level          = "INFO"
  }
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:ws-access"
    format          = "$context.requestId"
  }
}
