provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}

locals {
  name     = "${var.prefix}-pets"
  regional = var.endpoint == "REGIONAL" ? true : false
  tags     = { service = local.name }
}

resource "aws_api_gateway_rest_api" "pets" {
  name                         = local.name
  disable_execute_api_endpoint = local.regional

  endpoint_configuration {
    types = [var.endpoint]
  }
}

resource "aws_api_gateway_resource" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_rest_api.pets.root_resource_id
  path_part   = "pets"
}

resource "aws_api_gateway_resource" "pet" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  parent_id   = aws_api_gateway_resource.pets.id
  path_part   = "{petId}"
}

resource "aws_api_gateway_method" "get_pet" {
  rest_api_id      = aws_api_gateway_rest_api.pets.id
  resource_id      = aws_api_gateway_resource.pet.id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_resource.pet.id
  http_method = aws_api_gateway_method.get_pet.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "not_found" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_method.get_pet.resource_id
  http_method = "GET"
  status_code = 404
}

resource "aws_api_gateway_integration" "get_pet" {
  rest_api_id             = aws_api_gateway_rest_api.pets.id
  resource_id             = aws_api_gateway_resource.pet.id
  http_method             = aws_api_gateway_method.get_pet.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.pets.invoke_arn
  passthrough_behavior    = "WHEN_NO_TEMPLATES"

  request_templates = {
    "application/json" = <<EOT
#set($id = $input.params('petId'))
{"id": "$id"}
EOT
    "text/plain"       = "$input.body\n"
    "application/xml"  = file("${path.module}/templates/request.vm")
  }
}

resource "aws_api_gateway_integration_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  resource_id = aws_api_gateway_resource.pet.id
  http_method = aws_api_gateway_integration.get_pet.http_method
  status_code = aws_api_gateway_method_response.ok.status_code
}

resource "aws_api_gateway_integration_response" "not_found" {
  rest_api_id       = aws_api_gateway_rest_api.pets.id
  resource_id       = aws_api_gateway_resource.pet.id
  http_method       = "GET"
  status_code       = "404"
  selection_pattern = ".*Not Found.*"

  response_templates = {
    "application/json" = templatefile("${path.module}/templates/error.tpl", { code = 404 })
  }
}

resource "aws_lambda_function" "pets" {
  function_name = local.name
}

resource "aws_api_gateway_deployment" "pets" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.pets.id
  deployment_id = aws_api_gateway_deployment.pets.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:api"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 50
    logging_level          = "INFO"
  }
}

resource "aws_api_gateway_method_settings" "by_name" {
  rest_api_id = aws_api_gateway_rest_api.pets.id
  stage_name  = "prod"
  method_path = "pets/GET"

  settings {
    throttling_rate_limit = 10
  }
}
