# The error status is kept in SSM by the platform team: unknown until apply.

data "aws_ssm_parameter" "error_status" {
  name = "/orders/api/error-status"
}

output "error_status" {
  value = data.aws_ssm_parameter.error_status.value
}
