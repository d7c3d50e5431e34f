variable "rate" {
  type = number
}

variable "stage" {
  type = string
}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_rest_api" "keyed" {
  name = "keyed"
}

resource "aws_api_gateway_method" "orders" {
  rest_api_id      = aws_api_gateway_rest_api.keyed.id
  resource_id      = aws_api_gateway_rest_api.keyed.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

# A "*/*" limit.
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

# A limit from a variable without default: unknown.
resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = "d1"
  stage_name    = "dev"
}

resource "aws_api_gateway_method_settings" "dev" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit = var.rate
  }
}

# Every method requires a key, and the plan throttles keys.
resource "aws_api_gateway_stage" "keys" {
  rest_api_id   = aws_api_gateway_rest_api.keyed.id
  deployment_id = "d1"
  stage_name    = "keys"
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"
  throttle_settings {
    rate_limit  = 100
    burst_limit = 200
  }
  api_stages {
    api_id = aws_api_gateway_rest_api.keyed.id
    stage  = aws_api_gateway_stage.keys.stage_name
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

# A second API whose stage may get method settings whose stage is unknown.
resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "other" {
  rest_api_id   = aws_api_gateway_rest_api.other.id
  deployment_id = "d2"
  stage_name    = "other"
}

resource "aws_api_gateway_method_settings" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = var.stage
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
  }
}

# A stage handed to a module that is not fetched.
resource "aws_api_gateway_rest_api" "third" {
  name = "third"
}

resource "aws_api_gateway_stage" "third" {
  rest_api_id   = aws_api_gateway_rest_api.third.id
  deployment_id = "d3"
  stage_name    = "third"
}

module "throttle" { # want "APIGW008"
  source      = "example/throttle/aws"
  rest_api_id = aws_api_gateway_rest_api.third.id
  stage_name  = aws_api_gateway_stage.third.stage_name
}
