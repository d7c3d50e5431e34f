resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_method" "pets" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_rest_api.api.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "pets" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_rest_api.api.root_resource_id
  http_method             = aws_api_gateway_method.pets.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://backend.example.com/pets"
}

resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_client_certificate" "backend" {
  description = "presented to the backend"
}

resource "aws_api_gateway_stage" "without" { # want "APIGW706: stage \"dev\" calls HTTPS backends \\(GET /\\)"
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.d.id
  stage_name           = "dev"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_stage" "with" {
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = aws_api_gateway_deployment.d.id
  stage_name            = "prod"
  xray_tracing_enabled  = true
  client_certificate_id = aws_api_gateway_client_certificate.backend.id
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  for_each    = toset(["dev", "prod"])
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = each.key
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_wafv2_web_acl_association" "all" {
  for_each     = { dev = aws_api_gateway_stage.without.arn, prod = aws_api_gateway_stage.with.arn }
  resource_arn = each.value
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1"
}
