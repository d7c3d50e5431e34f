# APIs whose methods are not public: a resource policy, a private endpoint.
resource "aws_api_gateway_rest_api" "with_policy" {
  name   = "with-policy"
  policy = data.aws_iam_policy_document.vpc_only.json
}

resource "aws_api_gateway_method" "with_policy" {
  rest_api_id   = aws_api_gateway_rest_api.with_policy.id
  resource_id   = aws_api_gateway_rest_api.with_policy.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "policy_resource" {
  name = "policy-resource"
}

resource "aws_api_gateway_rest_api_policy" "policy_resource" {
  rest_api_id = aws_api_gateway_rest_api.policy_resource.id
  policy      = data.aws_iam_policy_document.vpc_only.json
}

resource "aws_api_gateway_method" "policy_resource" {
  rest_api_id   = aws_api_gateway_rest_api.policy_resource.id
  resource_id   = aws_api_gateway_rest_api.policy_resource.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_method" "private" {
  rest_api_id   = aws_api_gateway_rest_api.private.id
  resource_id   = aws_api_gateway_rest_api.private.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
