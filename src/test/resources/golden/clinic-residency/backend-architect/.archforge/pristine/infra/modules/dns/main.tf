# The private zone the cluster reaches the data stores by (internal.example): one CNAME per endpoint
# that deploy/k8s names (DB_HOST, CACHE_HOST, the broker), pointing at what the modules created.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "zone" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "records" {
  type        = map(string)
  description = "name in the zone => the endpoint's address"
}

variable "tags" {
  type = map(string)
}

resource "aws_route53_zone" "this" {
  name = var.zone
  vpc {
    vpc_id = var.vpc_id
  }
  tags = var.tags
}

resource "aws_route53_record" "this" {
  for_each = var.records
  zone_id  = aws_route53_zone.this.zone_id
  name     = each.key
  type     = "CNAME"
  ttl      = 60
  records  = [each.value]
}

output "names" {
  value = values(aws_route53_record.this)[*].fqdn
}
