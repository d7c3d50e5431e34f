variable "region" {
  type    = string
  default = "us-west-2"
}

variable "prefix" {
  type = string
}

variable "endpoint" {
  type    = string
  default = "EDGE"
}

variable "domain" {
  type    = string
  default = "api.example.com"
}

variable "zone_id" {
  type = string
}
