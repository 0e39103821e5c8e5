# One ECR repository per deployable: immutable tags, scanned on push, encrypted with the project's key.
# The runtime pulls with its own identity (each service's task execution role); the ci workflow pushes with one of
# its own.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

variable "namespace" {
  type        = string
  description = "what the repositories' names begin with: <project>, and in dev and staging the root's name (names are unique in the account and region)"
}

variable "deployables" {
  type = list(string)
}

variable "kms_key_arn" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "aws_ecr_repository" "this" {
  for_each             = toset(var.deployables)
  name                 = "${var.namespace}/${each.value}"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.kms_key_arn
  }
  tags = merge(var.tags, { service = each.value })
}

output "urls" {
  value = zipmap(keys(aws_ecr_repository.this), values(aws_ecr_repository.this)[*].repository_url)
}

output "arns" {
  value = zipmap(keys(aws_ecr_repository.this), values(aws_ecr_repository.this)[*].arn)
}
