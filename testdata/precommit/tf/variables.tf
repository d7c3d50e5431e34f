variable "error_pattern" {
  type    = string
  default = "5\\d{2"
}
