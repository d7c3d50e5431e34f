# APIGW104 in Terraform: Lambda custom (non-proxy) integrations with no
# selection pattern that can match an error message, so every function
# error is returned through the default response.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api = aws_api_gateway_rest_api.orders.id

  # GET and HEAD /reports share one Lambda integration shape, with count.
  report_verbs = ["GET", "HEAD"]
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{orderId}"
}

resource "aws_api_gateway_resource" "reports" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "reports"
}

# GET /orders/{orderId}: only the default 200, on a function declared here.

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.orders.invoke_arn
  passthrough_behavior    = "WHEN_NO_TEMPLATES"
}

resource "aws_api_gateway_integration_response" "get_order" { # want "APIGW104: no selection pattern of this Lambda integration can match an error message, so every function error is returned as 200"
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = aws_api_gateway_method_response.get_order.status_code
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::${var.account_id}:role/orders"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"
}

# POST /orders: status-code patterns copied from an HTTP integration; they
# are matched against the error message, so none of them is an error
# mapping. The function's alias is not declared in this module.

locals {
  post_order_errors = {
    "400" = "4\\d{2}"
    "500" = "5\\d{2}"
  }
}

resource "aws_api_gateway_method" "post_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "post_order" {
  for_each = toset(["201", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "post_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.post_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = aws_lambda_alias.create_order_live.invoke_arn
}

resource "aws_api_gateway_integration_response" "post_order_errors" {
  for_each = local.post_order_errors

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = each.key
  selection_pattern = each.value # want "APIGW108: selection pattern \"4\\\\d\\{2\\}\" matches only a bare status code" "APIGW108: selection pattern \"5\\\\d\\{2\\}\" matches only a bare status code"
}

resource "aws_api_gateway_integration_response" "post_order" { # want "APIGW104: .*every function error is returned as 201"
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.post_order.http_method
  status_code = "201"
}

# DELETE /orders/{orderId}: no default response at all, and one status-code
# pattern; the finding is on the integration.

resource "aws_api_gateway_method" "delete_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "DELETE"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "delete_order" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.delete_order.http_method
  status_code = "500"
}

resource "aws_api_gateway_integration" "delete_order" { # want "APIGW104: no selection pattern of this Lambda integration can match an error message and there is no default response, so every function error fails with a 500 configuration error"
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.delete_order.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:DeleteOrder/invocations"
}

resource "aws_api_gateway_integration_response" "delete_order" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.delete_order.http_method
  status_code       = aws_api_gateway_method_response.delete_order.status_code
  selection_pattern = "5\\d\\d" # want "APIGW108: selection pattern \"5\\\\d\\\\d\" matches only a bare status code"
}

# GET and HEAD /reports: two methods from count, each with only the default
# 200. The two instances' findings are the same, at the same place: they are
# reported once.

resource "aws_api_gateway_method" "reports" {
  count = length(local.report_verbs)

  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.reports.id
  http_method   = local.report_verbs[count.index]
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "reports" {
  count = length(local.report_verbs)

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.reports.id
  http_method = aws_api_gateway_method.reports[count.index].http_method
  status_code = "200"
}

resource "aws_api_gateway_integration" "reports" {
  count = length(local.report_verbs)

  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.reports.id
  http_method             = aws_api_gateway_method.reports[count.index].http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${var.region}:${var.account_id}:function:Reports/invocations"
}

resource "aws_api_gateway_integration_response" "reports" { # want "APIGW104: .*returned as 200"
  count = length(local.report_verbs)

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.reports.id
  http_method = aws_api_gateway_integration.reports[count.index].http_method
  status_code = aws_api_gateway_method_response.reports[count.index].status_code
}
