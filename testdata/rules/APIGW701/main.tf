resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "silent" { # want "APIGW701: stage \"dev\" writes no access logs"
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.d.id
  stage_name           = "dev"
  xray_tracing_enabled = true
}

resource "aws_api_gateway_stage" "logged" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.d.id
  stage_name           = "prod"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId $context.status"
  }
}

variable "access_logs" {
  type    = list(object({ destination_arn = string, format = string }))
  default = []
}

# A dynamic block may or may not write logs: not reported.
resource "aws_api_gateway_stage" "dynamic" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.d.id
  stage_name           = "test"
  xray_tracing_enabled = true
  dynamic "access_log_settings" {
    for_each = var.access_logs
    content {
      destination_arn = access_log_settings.value.destination_arn
      format          = access_log_settings.value.format
    }
  }
}

resource "aws_api_gateway_method_settings" "all" {
  for_each    = toset(["dev", "prod", "test"])
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = each.key
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_wafv2_web_acl_association" "waf" {
  for_each     = { dev = aws_api_gateway_stage.silent.arn, prod = aws_api_gateway_stage.logged.arn, test = aws_api_gateway_stage.dynamic.arn }
  resource_arn = each.value
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1"
}
