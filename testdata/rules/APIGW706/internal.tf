# A plain http:// backend (behind a VPC link) cannot be presented a client
# certificate: not reported.
resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
}

resource "aws_api_gateway_method" "internal" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_rest_api.internal.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "internal" {
  rest_api_id             = aws_api_gateway_rest_api.internal.id
  resource_id             = aws_api_gateway_rest_api.internal.root_resource_id
  http_method             = aws_api_gateway_method.internal.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "http://nlb.internal.example.com/"
  connection_type         = "VPC_LINK"
  connection_id           = "vpclink1"
}

resource "aws_api_gateway_stage" "internal" {
  rest_api_id          = aws_api_gateway_rest_api.internal.id
  deployment_id        = "abc123"
  stage_name           = "prod"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  stage_name  = aws_api_gateway_stage.internal.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
  }
}

resource "aws_wafv2_web_acl_association" "internal" {
  resource_arn = aws_api_gateway_stage.internal.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/1"
}
