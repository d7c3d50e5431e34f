variable "plan_id" {
  type = string
}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_method" "orders" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = aws_api_gateway_rest_api.api.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "d1"
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"
  api_stages {
    api_id = aws_api_gateway_rest_api.api.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_api_key" "k" {
  name = "k"
}

resource "aws_api_gateway_usage_plan_key" "k" {
  key_id        = aws_api_gateway_api_key.k.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.plan.id
}

# A second API whose plan gets keys from a plan ID that is unknown.
resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_method" "other" {
  rest_api_id      = aws_api_gateway_rest_api.other.id
  resource_id      = aws_api_gateway_rest_api.other.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_stage" "other" {
  rest_api_id   = aws_api_gateway_rest_api.other.id
  deployment_id = "d2"
  stage_name    = "other"
}

resource "aws_api_gateway_method_settings" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = aws_api_gateway_stage.other.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_api_gateway_usage_plan" "other" {
  name = "other"
  api_stages {
    api_id = aws_api_gateway_rest_api.other.id
    stage  = aws_api_gateway_stage.other.stage_name
  }
}

resource "aws_api_gateway_usage_plan_key" "other" {
  key_id        = aws_api_gateway_api_key.k.id
  key_type      = "API_KEY"
  usage_plan_id = var.plan_id
}
