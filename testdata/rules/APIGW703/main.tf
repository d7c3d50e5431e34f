resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.d.id
  stage_name           = "prod"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_api_gateway_stage" "untraced" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.d.id
  stage_name           = "dev"
  xray_tracing_enabled = false # want "APIGW703: X-Ray tracing is off on REST stage \"dev\""
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_stage" "default_off" { # want "APIGW703"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.d.id
  stage_name    = "test"
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "others" {
  for_each    = toset(["dev", "test"])
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = each.key
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_wafv2_web_acl_association" "others" {
  for_each     = { dev = aws_api_gateway_stage.untraced.arn, test = aws_api_gateway_stage.default_off.arn }
  resource_arn = each.value
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1"
}
