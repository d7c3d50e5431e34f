resource "aws_api_gateway_rest_api" "public" {
  name = "public"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "public" {
  rest_api_id = aws_api_gateway_rest_api.public.id
}

resource "aws_api_gateway_stage" "unprotected" { # want "APIGW705: public REST stage \"dev\" has no AWS WAF web ACL"
  rest_api_id          = aws_api_gateway_rest_api.public.id
  deployment_id        = aws_api_gateway_deployment.public.id
  stage_name           = "dev"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_stage" "protected" {
  rest_api_id          = aws_api_gateway_rest_api.public.id
  deployment_id        = aws_api_gateway_deployment.public.id
  stage_name           = "prod"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.protected.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1"
}

# An association to a load balancer says nothing about the stages.
resource "aws_lb" "web" {
  name = "web"
}

resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/web/1"
}

resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_stage" "private" {
  rest_api_id          = aws_api_gateway_rest_api.private.id
  deployment_id        = "abc123"
  stage_name           = "internal"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  for_each    = { dev = aws_api_gateway_rest_api.public.id, prod = aws_api_gateway_rest_api.public.id }
  rest_api_id = each.value
  stage_name  = each.key
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_api_gateway_method_settings" "private" {
  rest_api_id = aws_api_gateway_rest_api.private.id
  stage_name  = aws_api_gateway_stage.private.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}
