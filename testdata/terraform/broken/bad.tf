resource "aws_api_gateway_rest_api" "bad" {
  name = "broken"
  description = 
}
