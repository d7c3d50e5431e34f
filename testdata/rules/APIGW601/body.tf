# The OpenAPI document is the API's body: its operations are the API's
# methods. The standalone document alone says nothing about a resource
# policy attached outside it, so it is checked through this API.
resource "aws_api_gateway_rest_api" "from_openapi" {
  name = "from-openapi"
  body = file("${path.module}/openapi.yaml")
}
