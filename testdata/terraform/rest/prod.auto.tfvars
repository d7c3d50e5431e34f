endpoint = "REGIONAL"
region   = "eu-west-1"
