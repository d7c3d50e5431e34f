variable "api_id" {
  type = string
}

variable "settings" {
  type = list(object({ rate = number, burst = number }))
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "http" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_apigatewayv2_stage" "dynamic" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "dynamic"
  dynamic "default_route_settings" {
    for_each = var.settings
    content {
      throttling_rate_limit  = default_route_settings.value.rate
      throttling_burst_limit = default_route_settings.value.burst
    }
  }
}

# WebSocket stages are not HTTP API stages.
resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "ws" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"
}

# The API is not known to be an HTTP API.
resource "aws_apigatewayv2_stage" "external" {
  api_id = var.api_id
  name   = "prod"
}
