prefix   = "dev"
endpoint = "EDGE"
