variable "name" {
  type = string
}

variable "stage" {
  type    = string
  default = "dev"
}

variable "domain_name" {
  type = string
}

resource "aws_api_gateway_rest_api" "this" {
  name = "${var.name}-api"
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = "dep"
  stage_name    = var.stage
}

resource "aws_api_gateway_base_path_mapping" "this" {
  api_id      = aws_api_gateway_rest_api.this.id
  domain_name = var.domain_name
  stage_name  = aws_api_gateway_stage.this.stage_name
  base_path   = var.name
}

resource "aws_api_gateway_domain_name" "own" {
  domain_name              = "${var.name}.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-central-1:123456789012:certificate/def"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

output "target" {
  value = aws_api_gateway_domain_name.own.regional_domain_name
}
