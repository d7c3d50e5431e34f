resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_lambda_permission" "anyone" { # want "APIGW603: Lambda permission aws_lambda_permission.anyone lets apigateway.amazonaws.com invoke the function with no source ARN"
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "apigateway.amazonaws.com"
}

resource "aws_lambda_permission" "every_api" {
  statement_id  = "AllowEveryAPI"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:aws:execute-api:${var.region}:${var.account_id}:*/*/*" # want "APIGW603: .*every API of the account"
}

resource "aws_lambda_permission" "one_api" {
  statement_id  = "AllowOneAPI"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*/*"
}

resource "aws_lambda_permission" "from_variable" {
  statement_id  = "AllowFromVariable"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "apigateway.amazonaws.com"
  source_arn    = var.source_arn
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = "handler"
  principal     = "s3.amazonaws.com"
}

variable "region" {
  type = string
}

variable "account_id" {
  type = string
}

variable "source_arn" {
  type = string
}
