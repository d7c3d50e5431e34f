# Close to APIGW110 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "us-east-1"
}

# Where the fx integration points is decided per environment.
variable "fx_uri" {
  type = string
}

# Pattern of the charges error mapping, set per environment.
variable "charges_error_pattern" {
  type = string
}

module "conventions" {
  source = "./conventions"
}

locals {
  api     = aws_api_gateway_rest_api.payments.id
  backend = "https://payments.internal.example.com"
}

resource "aws_api_gateway_rest_api" "payments" {
  name = "payments-api-fixed"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["payments", "charges", "fx", "ledger"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.payments.root_resource_id
  path_part   = each.value
}

# GET /payments: Lambda; `.+` and `(\n|.)+` need a message, so successes
# keep taking the default 200.

resource "aws_api_gateway_method" "payments" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["payments"].id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "payments" {
  for_each = toset(["200", "404", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["payments"].id
  http_method = aws_api_gateway_method.payments.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "payments" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["payments"].id
  http_method             = aws_api_gateway_method.payments.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.payments.invoke_arn
}

resource "aws_api_gateway_integration_response" "payments" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["payments"].id
  http_method = aws_api_gateway_integration.payments.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "payments_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["payments"].id
  http_method       = aws_api_gateway_integration.payments.http_method
  status_code       = "404"
  selection_pattern = "(\\n|.)*\\[NotFound\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "payments_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["payments"].id
  http_method       = aws_api_gateway_integration.payments.http_method
  status_code       = "500"
  selection_pattern = "(\\n|.)+"
}

# GET /charges: HTTP; 2xx, 4xx and 5xx patterns, none a catch-all; one
# pattern is not known.

resource "aws_api_gateway_method" "charges" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["charges"].id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "charges" {
  count = 4

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["charges"].id
  http_method = aws_api_gateway_method.charges.http_method
  status_code = ["200", "400", "502", "503"][count.index]
}

resource "aws_api_gateway_integration" "charges" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["charges"].id
  http_method             = aws_api_gateway_method.charges.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/charges"
}

resource "aws_api_gateway_integration_response" "charges_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["charges"].id
  http_method       = aws_api_gateway_integration.charges.http_method
  status_code       = aws_api_gateway_method_response.charges[0].status_code
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "charges_client" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["charges"].id
  http_method       = aws_api_gateway_integration.charges.http_method
  status_code       = aws_api_gateway_method_response.charges[1].status_code
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "charges_unavailable" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["charges"].id
  http_method       = aws_api_gateway_integration.charges.http_method
  status_code       = aws_api_gateway_method_response.charges[3].status_code
  selection_pattern = var.charges_error_pattern
}

resource "aws_api_gateway_integration_response" "charges" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["charges"].id
  http_method = aws_api_gateway_integration.charges.http_method
  status_code = aws_api_gateway_method_response.charges[2].status_code
}

# GET /fx: a catch-all where the integration type's subject is not known.

resource "aws_api_gateway_method" "fx" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["fx"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "fx" {
  for_each = toset(["200", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["fx"].id
  http_method = aws_api_gateway_method.fx.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "fx" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["fx"].id
  http_method             = aws_api_gateway_method.fx.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = var.fx_uri
}

resource "aws_api_gateway_integration_response" "fx" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["fx"].id
  http_method = aws_api_gateway_integration.fx.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "fx_all" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["fx"].id
  http_method       = aws_api_gateway_integration.fx.http_method
  status_code       = "502"
  selection_pattern = "(\\n|.)*"
}

# POST /ledger: Lambda; a catch-all whose status comes from a module output
# that is not known: whether it turns successes into errors cannot be told.

resource "aws_api_gateway_method" "ledger" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["ledger"].id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "ledger" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["ledger"].id
  http_method = aws_api_gateway_method.ledger.http_method
  status_code = module.conventions.accepted_status
}

resource "aws_api_gateway_integration" "ledger" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["ledger"].id
  http_method             = aws_api_gateway_method.ledger.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.ledger.invoke_arn
}

resource "aws_api_gateway_integration_response" "ledger" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["ledger"].id
  http_method       = aws_api_gateway_integration.ledger.http_method
  status_code       = aws_api_gateway_method_response.ledger.status_code
  selection_pattern = "(\\n|.)*"
}

# GET /quote: MOCK: no backend, the status is the one the request template
# writes, so a catch-all status pattern replaces nothing.

resource "aws_api_gateway_resource" "quote" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.payments.root_resource_id
  path_part   = "quote"
}

resource "aws_api_gateway_method" "quote" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.quote.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "quote" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.quote.id
  http_method = aws_api_gateway_method.quote.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "quote" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.quote.id
  http_method = aws_api_gateway_method.quote.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_integration_response" "quote" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.quote.id
  http_method       = aws_api_gateway_integration.quote.http_method
  status_code       = aws_api_gateway_method_response.quote.status_code
  selection_pattern = "\\d{3}"

  response_templates = {
    "application/json" = "{\"rate\": 1.08, \"currency\": \"EUR\"}"
  }
}
