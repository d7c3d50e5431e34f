# APIGW105 in Terraform: two selection patterns of one integration match the
# same status code (or are the same pattern). Terraform declares no order
# between integration responses: the later one in the configuration gets
# the finding, the earlier one is its related location.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api = aws_api_gateway_rest_api.customers.id
  crm = "https://crm.internal.example.com"
}

resource "aws_api_gateway_rest_api" "customers" {
  name = "customers-api"
}

resource "aws_api_gateway_resource" "customer" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.customers.root_resource_id
  path_part   = "{customerId}"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["status", "documents", "notes"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.customer.id
  path_part   = each.value
}

# GET /{customerId}: HTTP; a narrower 5xx pattern inside a wider one.

resource "aws_api_gateway_method" "get_customer" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.customer.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_customer" {
  for_each = toset(["200", "400", "500", "503"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_method.get_customer.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "get_customer" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.customer.id
  http_method             = aws_api_gateway_method.get_customer.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.crm}/customers/{customerId}"
}

resource "aws_api_gateway_integration_response" "get_customer" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_integration.get_customer.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "get_customer_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.get_customer.http_method
  status_code       = "400"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "get_customer_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.get_customer.http_method
  status_code       = "500"
  selection_pattern = "5\\d{2}"
}

resource "aws_api_gateway_integration_response" "get_customer_unavailable" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.get_customer.http_method
  status_code       = "503"
  selection_pattern = "50[234]" # want "APIGW105: selection patterns .5.{1,2}d\\{2\\}. and .50\\[234\\]. both match status 502–504;"
}

# GET /{customerId}/status: MOCK; a case-insensitive flag does not make a
# status pattern disjoint. Integration responses from a map.

locals {
  status_responses = {
    "400" = "4\\d{2}"
    "404" = "(?i)4\\d{2}|404"
  }
}

resource "aws_api_gateway_method" "status" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["status"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "status" {
  for_each = toset(["200", "400", "404"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_method.status.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "status" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_method.status.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = "{\"statusCode\": 200}"
  }
}

resource "aws_api_gateway_integration_response" "status" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["status"].id
  http_method = aws_api_gateway_integration.status.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "status_errors" {
  for_each = local.status_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["status"].id
  http_method       = aws_api_gateway_integration.status.http_method
  status_code       = each.key
  selection_pattern = each.value # want "APIGW105: selection patterns .4.{1,2}d\\{2\\}. and .\\(\\?i\\)4.{1,2}d\\{2\\}\\|404. both match status 400–499;"
}

# PUT /{customerId}/documents: S3; a "success" range that runs into 4xx.

resource "aws_api_gateway_method" "documents" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["documents"].id
  http_method   = "PUT"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "documents" {
  count = 3

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["documents"].id
  http_method = aws_api_gateway_method.documents.http_method
  status_code = ["200", "400", "500"][count.index]
}

resource "aws_api_gateway_integration" "documents" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["documents"].id
  http_method             = aws_api_gateway_method.documents.http_method
  type                    = "AWS"
  integration_http_method = "PUT"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-s3-write"
  uri                     = "arn:aws:apigateway:${var.region}:s3:path/customer-documents/{customerId}"
}

resource "aws_api_gateway_integration_response" "documents_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["documents"].id
  http_method       = aws_api_gateway_integration.documents.http_method
  status_code       = aws_api_gateway_method_response.documents[0].status_code
  selection_pattern = "[2-4]\\d{2}"
}

resource "aws_api_gateway_integration_response" "documents_client_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["documents"].id
  http_method       = aws_api_gateway_integration.documents.http_method
  status_code       = aws_api_gateway_method_response.documents[1].status_code
  selection_pattern = "4\\d{2}" # want "APIGW105: selection patterns .\\[2-4\\].* and .4.{1,2}d\\{2\\}. both match status 400–499;"
}

resource "aws_api_gateway_integration_response" "documents" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["documents"].id
  http_method = aws_api_gateway_integration.documents.http_method
  status_code = aws_api_gateway_method_response.documents[2].status_code
}

# POST /{customerId}/notes: Lambda; the same message pattern copied onto two
# status codes.

resource "aws_api_gateway_method" "notes" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["notes"].id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "notes" {
  for_each = toset(["200", "404", "410"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_method.notes.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "notes" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["notes"].id
  http_method             = aws_api_gateway_method.notes.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.notes.invoke_arn
}

resource "aws_api_gateway_integration_response" "notes" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["notes"].id
  http_method = aws_api_gateway_integration.notes.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "notes_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["notes"].id
  http_method       = aws_api_gateway_integration.notes.http_method
  status_code       = "404"
  selection_pattern = "(\\n|.)*\\[NotFound\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "notes_gone" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["notes"].id
  http_method       = aws_api_gateway_integration.notes.http_method
  status_code       = "410"
  selection_pattern = "(\\n|.)*\\[NotFound\\](\\n|.)*" # want "APIGW105: selection pattern .* appears twice in this integration"
}
