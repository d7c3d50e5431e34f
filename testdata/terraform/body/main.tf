resource "aws_api_gateway_rest_api" "from_file" {
  name = "from-file"
  body = file("${path.module}/api.yaml")
}

resource "aws_api_gateway_rest_api" "inline" {
  name = "inline"
  body = <<-YAML
    openapi: 3.0.1
    paths:
      /pets:
        get: {}
  YAML
}
