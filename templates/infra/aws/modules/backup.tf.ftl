<#-- infra/modules/backup/main.tf (AWS). Model: EnvView of prod (a plan whose database is DynamoDB). -->
# AWS Backup of the DynamoDB tables that db/<service>/dynamodb.json creates (CreateTable, then
# UpdateContinuousBackups for point-in-time recovery, which is the table's own setting): a daily
# backup into a vault of this region under the project's key, kept retention_days (each is a full
# backup: a week when the tables have point-in-time recovery, which undoes logical damage, and the
# backups serve the recovery region only; the decision's 30 days under nightly snapshots), and, when
# copy_region names one, a copy of each backup into a vault of that region under a key of that region
# (CAPACITY.md's Cells: the recovery region of the cell's jurisdiction). The selection names each table
# in this region only, so that a cell's plan never backs up another cell's tables of the same name.
# Copies of DynamoDB backups to another region need AWS Backup's advanced DynamoDB backup features
# (on by default for accounts that began using AWS Backup after November 2021; otherwise turn them on
# once: aws backup update-region-settings --resource-type-management-preference DynamoDB=true).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "region" {
  type        = string
  description = "the region the tables are in"
}

variable "tables" {
  type        = list(string)
  description = "the DynamoDB tables of db/<service>/dynamodb.json"
}

variable "retention_days" {
  type = number
}

variable "copy_region" {
  type        = string
  default     = ""
  description = "the recovery region each backup is copied to; empty for none"
}

variable "kms_key_arn" {
  type = string
}

variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "this" {}

resource "aws_backup_vault" "this" {
  name        = var.name
  kms_key_arn = var.kms_key_arn
  tags        = var.tags
}

resource "aws_kms_key" "copy" {
  count                   = var.copy_region == "" ? 0 : 1
  region                  = var.copy_region
  description             = "Encrypts the copied backups of ${var.name} in ${var.copy_region}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

resource "aws_backup_vault" "copy" {
  count       = var.copy_region == "" ? 0 : 1
  region      = var.copy_region
  name        = "${var.name}-copy"
  kms_key_arn = aws_kms_key.copy[0].arn
  tags        = var.tags
}

resource "aws_backup_plan" "this" {
  name = var.name
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.this.name
    schedule          = "cron(0 3 * * ? *)"
    lifecycle {
      delete_after = var.retention_days
    }
    dynamic "copy_action" {
      for_each = aws_backup_vault.copy[*].arn
      content {
        destination_vault_arn = copy_action.value
        lifecycle {
          delete_after = var.retention_days
        }
      }
    }
  }
  tags = var.tags
}

resource "aws_iam_role" "backup" {
  name = "${var.name}-backup"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "backup.amazonaws.com" } }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_iam_role_policy_attachment" "restore" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
}

resource "aws_backup_selection" "tables" {
  name         = "${var.name}-tables"
  plan_id      = aws_backup_plan.this.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [for t in var.tables : "arn:aws:dynamodb:${var.region}:${data.aws_caller_identity.this.account_id}:table/${t}"]
}

output "vault_name" {
  value = aws_backup_vault.this.name
}

output "copy_vault_name" {
  value = one(aws_backup_vault.copy[*].name)
}

output "role_arn" {
  value = aws_iam_role.backup.arn
}
