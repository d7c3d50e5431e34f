resource "aws_api_gateway_rest_api" "open" {
  name = "open"
  policy = jsonencode({ # want "APIGW602: the resource policy of API \"open\" allows Principal"
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
    }]
  })
}

resource "aws_api_gateway_rest_api" "ip_limited" {
  name = "ip-limited"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
    }]
  })
}

# The documented private API pattern: allow everyone, deny what does not
# come through the VPC endpoint.
resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "private" {
  rest_api_id = aws_api_gateway_rest_api.private.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" },
      {
        Effect    = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*"
        Condition = { StringNotEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
      },
    ]
  })
}

resource "aws_api_gateway_rest_api" "from_data" {
  name   = "from-data"
  policy = data.aws_iam_policy_document.anything.json
}

resource "aws_api_gateway_rest_api" "aws_star" {
  name = "aws-star"
}

resource "aws_api_gateway_rest_api_policy" "aws_star" {
  rest_api_id = aws_api_gateway_rest_api.aws_star.id
  # want +1 "APIGW602: the resource policy of API \"aws-star\""
  policy      = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}
    }
  JSON
}
