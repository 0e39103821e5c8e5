# One Secrets Manager entry per deployable, encrypted with the project's key, named as the
# ExternalSecrets of deploy/k8s read them. No value is written here: a person (or a rotation
# function) puts the values in; OpenTofu never sees them.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "secrets" {
  type        = map(string)
  description = "entry name => the deployable it belongs to"
}

variable "kms_key_arn" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "aws_secretsmanager_secret" "this" {
  for_each                = var.secrets
  name                    = each.key
  description             = "Secrets of ${each.value}"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 30
  tags                    = merge(var.tags, { service = each.value })
}

output "arns" {
  description = "entry name => ARN"
  value       = zipmap(keys(aws_secretsmanager_secret.this), values(aws_secretsmanager_secret.this)[*].arn)
}
