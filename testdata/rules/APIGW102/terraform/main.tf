# APIGW102 in Terraform: selection patterns of HTTP, AWS service and MOCK
# integrations that no status code 100–599 can match.

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "account_id" {
  type    = string
  default = "123456789012"
}

locals {
  api     = aws_api_gateway_rest_api.orders.id
  backend = "https://orders.internal.example.com"
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

resource "aws_api_gateway_resource" "avatar" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = "attachment"
}

resource "aws_api_gateway_resource" "preview" {
  rest_api_id = local.api
  parent_id   = aws_api_gateway_resource.order.id
  path_part   = "preview"
}

# GET /orders/{orderId}: OpenAPI's "4XX" range notation is not a regex over
# the status code. One integration response per method status, from a map.

locals {
  get_order_responses = {
    "200" = { pattern = "2\\d{2}" }
    "400" = { pattern = "4XX" }
    "500" = { pattern = "5XX" }
  }
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = local.get_order_responses

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.key
}

resource "aws_api_gateway_method_response" "get_order_502" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = "502"
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "get_order" {
  for_each = local.get_order_responses

  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = aws_api_gateway_method_response.get_order[each.key].status_code
  selection_pattern = each.value.pattern # want "APIGW102: selection pattern .4XX. matches no status code 100–599" "APIGW102: selection pattern .5XX. matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "get_order_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = aws_api_gateway_method_response.get_order_502.status_code
}

# PUT /orders/{orderId}: a pattern written for the response body, and one
# anchored on a trailing newline that a status code never has.

resource "aws_api_gateway_method" "put_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "PUT"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "put_order" {
  count = 4

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.put_order.http_method
  status_code = ["200", "400", "404", "500"][count.index]
}

resource "aws_api_gateway_integration" "put_order" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.put_order.http_method
  type                    = "HTTP"
  integration_http_method = "PUT"
  uri                     = "${local.backend}/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "put_order_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.put_order.http_method
  status_code       = aws_api_gateway_method_response.put_order[0].status_code
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "put_order_body" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.put_order.http_method
  status_code       = aws_api_gateway_method_response.put_order[2].status_code
  selection_pattern = ".*\"code\":\\s*404.*" # want "APIGW102: selection pattern .* matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "put_order_newline" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.put_order.http_method
  status_code       = aws_api_gateway_method_response.put_order[1].status_code
  selection_pattern = "4\\d{2}\\n" # want "APIGW102: selection pattern .* matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "put_order_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.put_order.http_method
  status_code = aws_api_gateway_method_response.put_order[3].status_code
}

# PUT /orders/{orderId}/attachment: S3 error codes are not status codes.

resource "aws_api_gateway_method" "put_attachment" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.avatar.id
  http_method   = "PUT"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method_response" "put_attachment" {
  for_each = toset(["200", "403", "500"])

  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.avatar.id
  http_method = aws_api_gateway_method.put_attachment.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "put_attachment" {
  rest_api_id             = local.api
  resource_id             = aws_api_gateway_resource.avatar.id
  http_method             = aws_api_gateway_method.put_attachment.http_method
  type                    = "AWS"
  integration_http_method = "PUT"
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-s3-write"
  uri                     = "arn:aws:apigateway:${var.region}:s3:path/order-attachments/{orderId}"
  content_handling        = "CONVERT_TO_BINARY"
}

resource "aws_api_gateway_integration_response" "put_attachment_ok" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.avatar.id
  http_method       = aws_api_gateway_integration.put_attachment.http_method
  status_code       = "200"
  selection_pattern = "2\\d{2}"
}

resource "aws_api_gateway_integration_response" "put_attachment_denied" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.avatar.id
  http_method       = aws_api_gateway_integration.put_attachment.http_method
  status_code       = "403"
  selection_pattern = "AccessDenied" # want "APIGW102: selection pattern .AccessDenied. matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "put_attachment_default" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.avatar.id
  http_method = aws_api_gateway_integration.put_attachment.http_method
  status_code = "500"
}

# POST /orders: a Lambda-style message pattern on an SQS integration, and a
# truncated status code; 4xx and 5xx then all reach the default 200.

resource "aws_api_gateway_method" "post_order" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "post_order" {
  for_each = toset(["200", "400", "502"])

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
  credentials             = "arn:aws:iam::${var.account_id}:role/apigw-sqs-send"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account_id}/orders"
  passthrough_behavior    = "NEVER"

  request_parameters = {
    "integration.request.header.Content-Type" = "'application/x-www-form-urlencoded'"
  }

  request_templates = {
    "application/json" = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"
  }
}

resource "aws_api_gateway_integration_response" "post_order_error" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = "502"
  selection_pattern = ".*Error.*" # want "APIGW102: selection pattern ..\\*Error.\\*. matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "post_order_bad_request" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.orders.id
  http_method       = aws_api_gateway_integration.post_order.http_method
  status_code       = "400"
  selection_pattern = "40" # want "APIGW102: selection pattern .40. matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "post_order" { # want "APIGW103: backend 400–599 are returned to clients as 200 by the default response"
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_integration.post_order.http_method
  status_code = "200"
}

# GET /orders/{orderId}/preview: MOCK; patterns see the statusCode the
# request template sets.

resource "aws_api_gateway_method" "preview" {
  rest_api_id   = local.api
  resource_id   = aws_api_gateway_resource.preview.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "preview_200" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.preview.id
  http_method = aws_api_gateway_method.preview.http_method
  status_code = "200"
}

resource "aws_api_gateway_method_response" "preview_404" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.preview.id
  http_method = aws_api_gateway_method.preview.http_method
  status_code = "404"
}

resource "aws_api_gateway_integration" "preview" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.preview.id
  http_method = aws_api_gateway_method.preview.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = <<-EOT
      #if($input.params('orderId') == "missing")
      {"statusCode": 404}
      #else
      {"statusCode": 200}
      #end
    EOT
  }
}

resource "aws_api_gateway_integration_response" "preview_missing" {
  rest_api_id       = local.api
  resource_id       = aws_api_gateway_resource.preview.id
  http_method       = aws_api_gateway_integration.preview.http_method
  status_code       = aws_api_gateway_method_response.preview_404.status_code
  selection_pattern = "4\\d{3}" # want "APIGW102: selection pattern .4.d\\{3\\}. matches no status code 100–599"
}

resource "aws_api_gateway_integration_response" "preview" {
  rest_api_id = local.api
  resource_id = aws_api_gateway_resource.preview.id
  http_method = aws_api_gateway_integration.preview.http_method
  status_code = aws_api_gateway_method_response.preview_200.status_code
}
