# APIGW101 in Terraform: selection patterns that java.util.regex.Pattern
# rejects. HCL strings need their backslashes doubled: "4\\d{2}" is the
# regex 4\d{2}.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

# A pattern kept in a variable: the finding is where it is used.
variable "not_found_pattern" {
  type    = string
  default = "(\\n|.)*[NotFound\\](\\n|.)*"
}

locals {
  api     = aws_api_gateway_rest_api.customers.id
  crm     = "https://crm.internal.example.com"
  lambda  = "arn:aws:lambda:${var.region}:${var.account_id}:function:CustomerOrders"
  invoke  = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${local.lambda}/invocations"
  methods = toset(["GET", "DELETE"])
}

resource "aws_api_gateway_rest_api" "customers" {
  name = "customers-api"
}

resource "aws_api_gateway_resource" "customer" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_rest_api.customers.root_resource_id
  path_part   = "{customerId}"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.customer.id
  path_part   = "orders"
}

# GET /{customerId}: Go and Python named-group syntax; Java spells it
# (?<code>…).

resource "aws_api_gateway_method" "get_customer" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.customer.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_customer" {
  for_each = toset(["200", "404", "502"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_method.get_customer.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "get_customer" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.customer.id
  http_method             = aws_api_gateway_method.get_customer.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.crm}/customers/{customerId}"
}

resource "aws_api_gateway_integration_response" "get_customer_5xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.get_customer.http_method
  status_code       = "502"
  selection_pattern = "(?P<code>5\\d{2})" # want "APIGW101: .*not a valid Java regex: Unknown inline modifier near index 2"
}

resource "aws_api_gateway_integration_response" "get_customer_4xx" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.get_customer.http_method
  status_code       = "404"
  selection_pattern = "4\\d{2}"
}

resource "aws_api_gateway_integration_response" "get_customer" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_integration.get_customer.http_method
  status_code = "200"
}

# DELETE /{customerId}: DynamoDB DeleteItem; an empty lower bound, which
# Java does not have. Integration responses from a map with for_each.

locals {
  delete_customer_responses = {
    "400" = "4\\d{,2}"
    "204" = "2\\d{2}"
  }
}

resource "aws_api_gateway_method" "delete_customer" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.customer.id
  http_method   = "DELETE"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "delete_customer" {
  for_each = toset(["204", "400", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_method.delete_customer.http_method
  status_code = each.key
}

resource "aws_api_gateway_integration" "delete_customer" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.customer.id
  http_method             = aws_api_gateway_method.delete_customer.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-dynamodb"
  uri                     = "arn:aws:apigateway:${var.region}:dynamodb:action/DeleteItem"
  passthrough_behavior    = "NEVER"

  request_templates = {
    "application/json" = <<-EOT
      {
        "TableName": "customers",
        "Key": {"id": {"S": "$util.escapeJavaScript($input.params('customerId'))"}}
      }
    EOT
  }
}

resource "aws_api_gateway_integration_response" "delete_customer" {
  for_each = local.delete_customer_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.customer.id
  http_method       = aws_api_gateway_integration.delete_customer.http_method
  status_code       = aws_api_gateway_method_response.delete_customer[each.key].status_code
  selection_pattern = each.value # want "APIGW101: selection pattern \"4\\\\d\\{,2\\}\" is not a valid Java regex: Illegal repetition near index 4"
}

resource "aws_api_gateway_integration_response" "delete_customer_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.customer.id
  http_method = aws_api_gateway_integration.delete_customer.http_method
  status_code = "500"
}

# GET /{customerId}/orders: Lambda custom integration on a literal
# invocation ARN; an unclosed group, and an unclosed character class kept
# in a variable.

resource "aws_api_gateway_method" "customer_orders" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "customer_orders" {
  count = 4

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.customer_orders.http_method
  status_code = ["200", "400", "404", "500"][count.index]
}

resource "aws_api_gateway_integration" "customer_orders" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.customer_orders.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = local.invoke
  passthrough_behavior    = "WHEN_NO_TEMPLATES"
}

resource "aws_api_gateway_integration_response" "customer_orders" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.customer_orders.http_method
  status_code = aws_api_gateway_method_response.customer_orders[0].status_code
}

resource "aws_api_gateway_integration_response" "customer_orders_bad_request" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.customer_orders.http_method
  status_code       = aws_api_gateway_method_response.customer_orders[1].status_code
  selection_pattern = "(\\n|.)*\\[BadRequest\\](\\n|.)*"
}

resource "aws_api_gateway_integration_response" "customer_orders_not_found" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.customer_orders.http_method
  status_code       = aws_api_gateway_method_response.customer_orders[2].status_code
  selection_pattern = var.not_found_pattern # want "APIGW101: .*not a valid Java regex: Unclosed character class near index 24"
}

resource "aws_api_gateway_integration_response" "customer_orders_internal" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.customer_orders.http_method
  status_code       = aws_api_gateway_method_response.customer_orders[3].status_code
  selection_pattern = "((\\n|.)*\\[Internal\\](\\n|.)*" # want "APIGW101: .*not a valid Java regex: Unclosed group near index 27"
}

# POST and PUT /{customerId}/orders: the same HTTP integration for two verbs
# with for_each; a truncated counted closure and a dangling quantifier.

locals {
  order_writes = {
    POST = { error_pattern = "4\\d{2", error_status = "400" }
    PUT  = { error_pattern = "*[45]\\d{2}", error_status = "500" }
  }
}

resource "aws_api_gateway_method" "write_orders" {
  for_each = local.order_writes

  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = each.key
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "write_orders_ok" {
  for_each = local.order_writes

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.write_orders[each.key].http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "write_orders_error" {
  for_each = local.order_writes

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.write_orders[each.key].http_method
  status_code = each.value.error_status
}

resource "aws_api_gateway_integration" "write_orders" {
  for_each = local.order_writes

  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.write_orders[each.key].http_method
  type                    = "HTTP"
  integration_http_method = each.key
  uri                     = "${local.crm}/customers/{customerId}/orders"
}

resource "aws_api_gateway_integration_response" "write_orders_error" {
  for_each = local.order_writes

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.write_orders[each.key].http_method
  status_code       = aws_api_gateway_method_response.write_orders_error[each.key].status_code
  selection_pattern = each.value.error_pattern # want "APIGW101: selection pattern \"4\\\\d\\{2\" .*Unclosed counted closure near index 5" "APIGW101: selection pattern \"\\*\\[45\\]\\\\d\\{2\\}\" .*Dangling meta character '\\*' near index 0"
}

resource "aws_api_gateway_integration_response" "write_orders_ok" {
  for_each = local.order_writes

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.write_orders[each.key].http_method
  status_code = "200"
}
