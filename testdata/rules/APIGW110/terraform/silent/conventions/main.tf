# Status conventions kept in SSM by the platform team: unknown until apply.

data "aws_ssm_parameter" "accepted_status" {
  name = "/payments/api/accepted-status"
}

output "accepted_status" {
  value = data.aws_ssm_parameter.accepted_status.value
}
