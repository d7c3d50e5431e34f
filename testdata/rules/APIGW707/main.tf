resource "aws_api_gateway_rest_api" "edge" { # want "APIGW707: REST API \"edge\" is EDGE"
  name = "edge"
}

resource "aws_api_gateway_rest_api" "regional" {
  name = "regional"
  endpoint_configuration {
    types = ["REGIONAL"] # want "APIGW707: REST API \"regional\" is REGIONAL"
  }
}

resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0123456789abcdef0"]
  }
}

variable "endpoint_type" {
  type = string
}

resource "aws_api_gateway_rest_api" "chosen" {
  name = "chosen"
  endpoint_configuration {
    types = [var.endpoint_type]
  }
}
