<#-- infra/modules/database-replica/main.tf (AWS). Model: EnvView of prod. -->
# One cross-region read replica (RDS for PostgreSQL or MySQL) of a production database, in the
# second region's root: it copies the primary asynchronously (source_arn, the primary's ARN: a
# replica in another region names its source by ARN), encrypted with a key of its own region, sized
# as the primary so that it can take its load. promoted = true turns it into a writable primary of
# its own: without replicate_source_db RDS promotes the replica (RUNBOOK.md, "Fail over").
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "source_arn" {
  type        = string
  description = "the ARN of the primary database in production's region"
}

variable "promoted" {
  type        = bool
  description = "true once the replica is promoted to a primary of its own"
}

variable "instance_class" {
  type = string
}

variable "multi_az" {
  type = bool
}

variable "backup_retention_days" {
  type = number
}

variable "port" {
  type = number
}

variable "kms_key_arn" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_cidr" {
  type = string
}

variable "deletion_protection" {
  type = bool
}

variable "tags" {
  type = map(string)
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name   = "${var.name}-database"
  vpc_id = var.vpc_id
  ingress {
    description = "the private subnets of the runtime"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_db_instance" "replica" {
  identifier                          = var.name
  replicate_source_db                 = var.promoted ? null : var.source_arn
  instance_class                      = var.instance_class
  storage_type                        = "gp3"
  storage_encrypted                   = true
  kms_key_id                          = var.kms_key_arn
  port                                = var.port
  iam_database_authentication_enabled = true
  multi_az                            = var.multi_az
  backup_retention_period             = var.backup_retention_days
  backup_window                       = "02:00-03:00"
  maintenance_window                  = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot               = true
  deletion_protection                 = var.deletion_protection
  skip_final_snapshot                 = !var.promoted # RDS takes no final snapshot of a replica
  final_snapshot_identifier           = "${var.name}-final"
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = var.kms_key_arn
  auto_minor_version_upgrade          = true
  publicly_accessible                 = false
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.this.id]
  tags                                = var.tags
}

output "address" {
  value = aws_db_instance.replica.address
}

output "arn" {
  value = aws_db_instance.replica.arn
}
