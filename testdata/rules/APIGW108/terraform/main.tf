# APIGW108 in Terraform: selection patterns of Lambda custom integrations
# that only match a bare status code or one fixed string, although they are
# matched against the whole error message.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api = aws_api_gateway_rest_api.inventory.id

  # Error mappings shared by the item methods: written for an HTTP backend.
  item_errors = {
    "404" = "404|410"
    "409" = "409"
    "500" = "[45][0-9]{2}"
  }
}

resource "aws_api_gateway_rest_api" "inventory" {
  name = "inventory-api"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.inventory.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_resource" "item" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.items.id
  path_part   = "{itemId}"
}

# GET and DELETE /items/{itemId}: methods, integrations and integration
# responses chained with for_each over the previous resource. None of the
# error patterns can match an error message, so APIGW104 reports the
# default response too (once: both verbs' findings are the same).

resource "aws_api_gateway_method" "item" {
  for_each = toset(["GET", "DELETE"])

  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.item.id
  http_method   = each.value
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "item_200" {
  for_each = aws_api_gateway_method.item

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.item.id
  http_method = each.value.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "item_errors" {
  for_each = {
    for pair in setproduct(keys(aws_api_gateway_method.item), keys(local.item_errors)) :
    "${pair[0]} ${pair[1]}" => { verb = pair[0], status = pair[1] }
  }

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.item.id
  http_method = each.value.verb
  status_code = each.value.status
}

resource "aws_api_gateway_integration" "item" {
  for_each = aws_api_gateway_method.item

  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.item.id
  http_method             = each.value.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.items.invoke_arn
}

resource "aws_api_gateway_integration_response" "item" { # want "APIGW104: no selection pattern of this Lambda integration can match an error message, so every function error is returned as 200"
  for_each = aws_api_gateway_integration.item

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.item.id
  http_method = each.value.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration_response" "item_errors" {
  for_each = {
    for pair in setproduct(keys(aws_api_gateway_integration.item), keys(local.item_errors)) :
    "${pair[0]} ${pair[1]}" => { verb = pair[0], status = pair[1], pattern = local.item_errors[pair[1]] }
  }

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.item.id
  http_method       = each.value.verb
  status_code       = each.value.status
  selection_pattern = each.value.pattern # want "APIGW108: selection pattern .404\\|410. matches only a bare status code" "APIGW108: selection pattern .409. matches only a bare status code" "APIGW108: selection pattern .\\[45\\]\\[0-9\\]\\{2\\}. matches only a bare status code"
}

resource "aws_lambda_function" "items" {
  function_name = "inventory-items"
  role          = "arn:aws:iam::${var.account_id}:role/inventory-items"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "items.zip"
}

# POST /items: fixed strings, matched in full, on a literal invocation ARN.

resource "aws_api_gateway_method" "post_item" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "post_item" {
  count = 4

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.post_item.http_method
  status_code = ["201", "400", "409", "504"][count.index]
}

resource "aws_api_gateway_integration" "post_item" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.post_item.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:CreateItem:live/invocations"
}

resource "aws_api_gateway_integration_response" "post_item" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_integration.post_item.http_method
  status_code = aws_api_gateway_method_response.post_item[0].status_code
}

resource "aws_api_gateway_integration_response" "post_item_bad_request" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.items.id
  http_method       = aws_api_gateway_integration.post_item.http_method
  status_code       = aws_api_gateway_method_response.post_item[1].status_code
  selection_pattern = "\\[BadRequest\\]" # want "APIGW108: selection pattern .* only matches an error message that is exactly \"\\[BadRequest\\]\" .*; use \"\\.\\*\\\\\\[BadRequest\\\\\\]\\.\\*\" to match it"
}

resource "aws_api_gateway_integration_response" "post_item_conflict" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.items.id
  http_method       = aws_api_gateway_integration.post_item.http_method
  status_code       = aws_api_gateway_method_response.post_item[2].status_code
  # Anchored at both ends: under full-match semantics `$` adds nothing, the
  # pattern matches exactly this one message.
  selection_pattern = "^ConditionalCheckFailedException$" # want "APIGW108: selection pattern .* only matches an error message that is exactly \"ConditionalCheckFailedException\""
}

resource "aws_api_gateway_integration_response" "post_item_timeout" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.items.id
  http_method       = aws_api_gateway_integration.post_item.http_method
  status_code       = aws_api_gateway_method_response.post_item[3].status_code
  selection_pattern = "Task timed out" # want "APIGW108: selection pattern .Task timed out. only matches an error message that is exactly \"Task timed out\""
}
