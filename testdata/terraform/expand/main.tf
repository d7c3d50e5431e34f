variable "stages" {
  default = {
    prod = { rate = 100 }
    dev  = { rate = 5 }
  }
}

variable "replicas" {
  default = 2
}

variable "unknown_set" {
  type = set(string)
}

resource "aws_api_gateway_rest_api" "api" {
  count = var.replicas
  name  = "api-${count.index}"
}

resource "aws_api_gateway_stage" "s" {
  for_each      = var.stages
  rest_api_id   = aws_api_gateway_rest_api.api[0].id
  deployment_id = "d"
  stage_name    = each.key
}

resource "aws_api_gateway_method_settings" "s" {
  for_each    = var.stages
  rest_api_id = aws_api_gateway_rest_api.api[0].id
  stage_name  = aws_api_gateway_stage.s[each.key].stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit = each.value.rate
    logging_level         = each.key == "prod" ? "ERROR" : "INFO"
  }
}

resource "aws_acm_certificate" "maybe" {
  for_each    = var.unknown_set
  domain_name = each.value
}

resource "aws_acm_certificate" "none" {
  count       = 0
  domain_name = "never.example.com"
}

resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "x", version = "1" }
    paths   = {}
  })
}
