# Base path mappings that API Gateway rejects.

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "orders" {
  api_id      = aws_api_gateway_rest_api.api.id
  domain_name = aws_api_gateway_domain_name.api.domain_name
  stage_name  = aws_api_gateway_stage.prod.stage_name
  base_path   = "orders"
}

resource "aws_api_gateway_base_path_mapping" "orders_again" {
  api_id      = aws_api_gateway_rest_api.api.id
  domain_name = "api.example.com"
  stage_name  = aws_api_gateway_stage.prod.stage_name
  base_path   = "orders" # want "APIGW405: .*already mapped"
}

resource "aws_api_gateway_base_path_mapping" "missing_stage" {
  api_id      = aws_api_gateway_rest_api.api.id
  domain_name = aws_api_gateway_domain_name.api.domain_name
  stage_name  = "staging" # want "APIGW405: stage \"staging\" is not a stage"
  base_path   = "staging"
}

resource "aws_api_gateway_base_path_mapping" "bad_chars" {
  api_id      = aws_api_gateway_rest_api.api.id
  domain_name = aws_api_gateway_domain_name.api.domain_name
  stage_name  = aws_api_gateway_stage.prod.stage_name
  base_path   = "orders v2" # want "APIGW405: .*contains ' '"
}

# The domain's name is unknown, but both mappings read the variable the
# domain's name reads: the same domain.
variable "other_domain" {
  type = string
}

resource "aws_api_gateway_domain_name" "other" {
  domain_name              = var.other_domain
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abcd"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "other_root" {
  api_id      = aws_api_gateway_rest_api.api.id
  domain_name = var.other_domain
  stage_name  = aws_api_gateway_stage.prod.stage_name
}

resource "aws_api_gateway_base_path_mapping" "other_root_again" { # want "APIGW405: base path \\(none\\)"
  api_id      = aws_api_gateway_rest_api.api.id
  domain_name = aws_api_gateway_domain_name.other.domain_name
  stage_name  = aws_api_gateway_stage.prod.stage_name
}
