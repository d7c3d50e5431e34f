variable "rate" {
  type = number
}

variable "routes" {
  type = map(number)
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "http" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
  default_route_settings {
    detailed_metrics_enabled = true
    throttling_rate_limit    = 100
    throttling_burst_limit   = 200
  }
  route_settings {
    route_key              = "GET /orders"
    throttling_rate_limit  = var.rate
    throttling_burst_limit = var.rate
  }
}

# Dynamic blocks are not expanded.
resource "aws_apigatewayv2_stage" "dynamic" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "dynamic"
  dynamic "route_settings" {
    for_each = var.routes
    content {
      route_key = route_settings.key
    }
  }
  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}
