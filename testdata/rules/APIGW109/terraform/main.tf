# APIGW109 in Terraform: selection patterns of Lambda custom integrations
# built on `.`, which does not match a line break, so they cannot match a
# multi-line error message (a stack trace).

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

# The validation pattern is shared with other APIs through a variable.
variable "validation_error_pattern" {
  type    = string
  default = "ValidationError:.+"
}

locals {
  api = aws_api_gateway_rest_api.shipments.id

  functions = {
    track  = "arn:aws:lambda:${var.region}:${var.account_id}:function:TrackShipment"
    create = "arn:aws:lambda:${var.region}:${var.account_id}:function:CreateShipment"
  }

  track_errors = {
    "404" = ".*(NotFound|does not exist).*"
    "504" = ".*Task timed out after \\d+\\.\\d+ seconds"
    "500" = ".+"
  }
}

resource "aws_api_gateway_rest_api" "shipments" {
  name = "shipments-api"
}

resource "aws_api_gateway_resource" "shipments" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.shipments.root_resource_id
  path_part   = "shipments"
}

resource "aws_api_gateway_resource" "shipment" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.shipments.id
  path_part   = "{shipmentId}"
}

# GET /shipments/{shipmentId}: error mappings from a map.

resource "aws_api_gateway_method" "track" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.shipment.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "track" {
  for_each = toset(["200", "404", "500", "504"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.shipment.id
  http_method = aws_api_gateway_method.track.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "track" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.shipment.id
  http_method             = aws_api_gateway_method.track.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${local.functions.track}/invocations"
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
  selection_pattern = each.value # want "APIGW109: selection pattern .\\.\\*\\(NotFound\\|does not exist\\)\\.\\*. cannot match an error message that contains a newline" "APIGW109: selection pattern .*Task timed out.* cannot match an error message that contains a newline" "APIGW109: selection pattern ..\\+. cannot match an error message that contains a newline"
}

# POST /shipments: a pattern from a variable's default, and one only half
# rewritten to (\n|.): it can match "\nConflictError", so APIGW109, which
# only reports patterns that match no multi-line message at all, says
# nothing, although a stack trace after the name defeats the trailing `.*`.

resource "aws_api_gateway_method" "create" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.shipments.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "create" {
  count = 3

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.shipments.id
  http_method = aws_api_gateway_method.create.http_method
  status_code = ["201", "400", "409"][count.index]
}

resource "aws_api_gateway_integration" "create" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.shipments.id
  http_method             = aws_api_gateway_method.create.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${local.functions.create}/invocations"
}

resource "aws_api_gateway_integration_response" "create" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.shipments.id
  http_method = aws_api_gateway_integration.create.http_method
  status_code = aws_api_gateway_method_response.create[0].status_code
}

resource "aws_api_gateway_integration_response" "create_invalid" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.shipments.id
  http_method       = aws_api_gateway_integration.create.http_method
  status_code       = aws_api_gateway_method_response.create[1].status_code
  selection_pattern = var.validation_error_pattern # want "APIGW109: selection pattern .ValidationError:\\.\\+. cannot match an error message that contains a newline"
}

resource "aws_api_gateway_integration_response" "create_conflict" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.shipments.id
  http_method       = aws_api_gateway_integration.create.http_method
  status_code       = aws_api_gateway_method_response.create[2].status_code
  selection_pattern = "(\\n|.)*ConflictError.*"
}
