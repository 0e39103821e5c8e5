# The customer-managed key that encrypts the databases, cache, broker and secret entries at rest;
# rotated every year by KMS.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "aws_kms_key" "this" {
  description             = "Encrypts the data stores and secrets of ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

output "key_arn" {
  value = aws_kms_key.this.arn
}
