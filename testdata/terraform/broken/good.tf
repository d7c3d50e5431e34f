resource "aws_api_gateway_rest_api" "ok" {
  name = "still-loaded"
}
