# The valid part of a module one of whose files does not parse
# (broken.tf): it is still loaded and checked. Without the 4xx mapping that
# broken.tf was meant to add, backend errors reach clients as 200.

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-api"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "{orderId}"
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method_response" "get_order" {
  for_each = toset(["200", "400"])

  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_method.get_order.http_method
  status_code = each.value
}

resource "aws_api_gateway_integration" "get_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.order.id
  http_method             = aws_api_gateway_method.get_order.http_method
  type                    = "HTTP"
  integration_http_method = "GET"
  uri                     = "https://orders.internal.example.com/orders/{orderId}"
}

resource "aws_api_gateway_integration_response" "get_order" { # want "APIGW103: backend 400–599 are returned to clients as 200 by the default response"
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.order.id
  http_method = aws_api_gateway_integration.get_order.http_method
  status_code = "200"
}
