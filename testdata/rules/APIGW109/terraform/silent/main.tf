# Close to APIGW109 but correct, or not decidable: no finding from any rule.

variable "region" {
  type    = string
  default = "eu-west-1"
}

# Where the quote integration points is decided per environment (a Lambda
# function or an HTTP rating service).
variable "quote_uri" {
  type = string
}

locals {
  api = aws_api_gateway_rest_api.shipments.id

  track_errors = {
    "404" = "(\\n|.)*(NotFound|does not exist)(\\n|.)*"
    "422" = "(?s)ValidationError:.+"
    "504" = "[\\s\\S]*Task timed out after \\d+\\.\\d+ seconds[\\s\\S]*"
    "500" = "(\\n|.)+"
  }
}

resource "aws_api_gateway_rest_api" "shipments" {
  name = "shipments-api-fixed"
}

resource "aws_api_gateway_resource" "shipment" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.shipments.root_resource_id
  path_part   = "{shipmentId}"
}

resource "aws_api_gateway_resource" "sub" {
  for_each = toset(["quote", "label"])

  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.shipment.id
  path_part   = each.value
}

# GET /{shipmentId}: (\n|.), DOTALL and [\s\S] all match line breaks.

resource "aws_api_gateway_method" "track" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.shipment.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "track" {
  for_each = merge(local.track_errors, { "200" = "" })

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.shipment.id
  http_method = aws_api_gateway_method.track.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "track" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.shipment.id
  http_method             = aws_api_gateway_method.track.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.track.invoke_arn
}

resource "aws_api_gateway_integration_response" "track" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.shipment.id
  http_method = aws_api_gateway_integration.track.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "track_errors" {
  for_each = local.track_errors

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.shipment.id
  http_method       = aws_api_gateway_integration.track.http_method
  status_code       = each.key
  selection_pattern = each.value
}

# GET /{shipmentId}/quote: `.` patterns where the integration may not be a
# Lambda one.

resource "aws_api_gateway_method" "quote" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["quote"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "quote" {
  for_each = toset(["200", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["quote"].id
  http_method = aws_api_gateway_method.quote.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "quote" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["quote"].id
  http_method             = aws_api_gateway_method.quote.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = var.quote_uri
}

resource "aws_api_gateway_integration_response" "quote" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["quote"].id
  http_method = aws_api_gateway_integration.quote.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "quote_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["quote"].id
  http_method       = aws_api_gateway_integration.quote.http_method
  status_code       = "502"
  selection_pattern = ".*Error.*"
}

# GET /{shipmentId}/label: an HTTP backend: `.` over a status code is fine.

resource "aws_api_gateway_method" "label" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.sub["label"].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "label" {
  count = 2

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.sub["label"].id
  http_method = aws_api_gateway_method.label.http_method
  status_code = ["200", "502"][count.index]
}

resource "aws_api_gateway_integration" "label" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.sub["label"].id
  http_method             = aws_api_gateway_method.label.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://labels.internal.example.com/shipments/{shipmentId}"
}

resource "aws_api_gateway_integration_response" "label" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["label"].id
  http_method       = aws_api_gateway_integration.label.http_method
  status_code       = aws_api_gateway_method_response.label[0].status_code
  selection_pattern = "2.."
}

resource "aws_api_gateway_integration_response" "label_errors" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.sub["label"].id
  http_method       = aws_api_gateway_integration.label.http_method
  status_code       = aws_api_gateway_method_response.label[1].status_code
  selection_pattern = "[45].."
}
