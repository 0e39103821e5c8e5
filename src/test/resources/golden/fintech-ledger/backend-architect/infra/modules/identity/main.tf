# One IAM role per deployable, assumed by its Kubernetes ServiceAccount alone (IAM roles for
# service accounts), allowed to read its own secret entry; and the role of the External Secrets
# Operator's ServiceAccount, which reads the project's entries for the SecretStore.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

variable "deployables" {
  type = list(string)
}

variable "secrets" {
  type        = map(string)
  description = "secret entry name => the deployable it belongs to"
}

variable "secret_arns" {
  type        = map(string)
  description = "secret entry name => its ARN"
}

variable "kms_key_arn" {
  type = string
}

variable "namespace" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "oidc_issuer" {
  type = string
}

variable "name_suffix" {
  type        = string
  default     = ""
  description = "appended to the IAM names, which are global to the account: the second region's root, in production's account, sets its region"
}

variable "tags" {
  type = map(string)
}

data "aws_iam_policy_document" "trust" {
  for_each = toset(concat(var.deployables, ["paystream-secret-store"]))
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${each.value}"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each           = toset(var.deployables)
  name               = "${var.project}-${each.value}${var.name_suffix}"
  assume_role_policy = data.aws_iam_policy_document.trust[each.value].json
  tags               = merge(var.tags, { service = each.value })
}

resource "aws_iam_role_policy" "own_secret" {
  for_each = var.secrets
  name     = "read-own-secret"
  role     = aws_iam_role.this[each.value].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = [var.secret_arns[each.key]] },
      { Effect = "Allow", Action = ["kms:Decrypt"], Resource = [var.kms_key_arn] }
    ]
  })
}

# the External Secrets Operator's, on Kubernetes alone
resource "aws_iam_role" "secret_store" {
  name               = "${var.project}-secrets${var.name_suffix}"
  assume_role_policy = data.aws_iam_policy_document.trust["paystream-secret-store"].json
  tags               = var.tags
}

resource "aws_iam_role_policy" "secret_store" {
  name = "read-project-secrets"
  role = aws_iam_role.secret_store.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource = values(var.secret_arns) },
      { Effect = "Allow", Action = ["kms:Decrypt"], Resource = [var.kms_key_arn] }
    ]
  })
}

output "role_arns" {
  value = zipmap(keys(aws_iam_role.this), values(aws_iam_role.this)[*].arn)
}

output "secret_store_role_arn" {
  value = aws_iam_role.secret_store.arn
}
