# APIGW106 stays silent when a method response's status comes from a module
# that is not fetched: that response may be the one the integration maps to.
# The loader notes once that the module's outputs are unknown.

module "api_conventions" { # want "APIGW008: module \"api_conventions\" \\(source \"app.terraform.io/acme/api-conventions/aws\"\\) is not fetched"
  source  = "app.terraform.io/acme/api-conventions/aws"
  version = "~> 3.2"
}

locals {
  api = aws_api_gateway_rest_api.billing.id
}

resource "aws_api_gateway_rest_api" "billing" {
  name = "billing-api"
}

resource "aws_api_gateway_resource" "invoice" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.billing.root_resource_id
  path_part   = "invoices"
}

resource "aws_api_gateway_method" "get_invoices" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.invoice.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "get_invoices_200" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.invoice.id
  http_method = aws_api_gateway_method.get_invoices.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "get_invoices_error" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.invoice.id
  http_method = aws_api_gateway_method.get_invoices.http_method
  status_code = module.api_conventions.upstream_error_status
}

resource "aws_api_gateway_integration" "get_invoices" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.invoice.id
  http_method             = aws_api_gateway_method.get_invoices.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://billing.internal.example.com/invoices"
}

resource "aws_api_gateway_integration_response" "get_invoices" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.invoice.id
  http_method = aws_api_gateway_integration.get_invoices.http_method
  status_code = aws_api_gateway_method_response.get_invoices_200.status_code
}

resource "aws_api_gateway_integration_response" "get_invoices_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.invoice.id
  http_method       = aws_api_gateway_integration.get_invoices.http_method
  status_code       = "502"
  selection_pattern = "[45]\\d{2}"
}
