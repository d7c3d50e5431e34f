# A regex pasted into HCL without doubling its backslash: "\d" is not an
# HCL escape, so Terraform (and apigw-lint) cannot parse this file. The rest
# of the module is still checked.

resource "aws_api_gateway_integration_response" "get_order_4xx" {
  rest_api_id       = aws_api_gateway_rest_api.orders.id
  resource_id       = aws_api_gateway_resource.order.id
  http_method       = aws_api_gateway_integration.get_order.http_method
  status_code       = "400"
  selection_pattern = "4\d{2}" # want "APIGW001"
}
