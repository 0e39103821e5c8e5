# One managed database (RDS for PostgreSQL or MySQL) of one deployable: encrypted with the
# project's key, a synchronous standby in another zone when multi_az, read replicas, automated
# backups with point-in-time recovery inside the retention window, replicated (snapshots and
# transaction logs) to the recovery region when backup_region names one, under a key of that region
# (RDS automated backups replication: a restore there reaches any second of the retention window).
# The master password is kept by RDS in Secrets Manager (manage_master_user_password): no password
# is in these files or the state.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "engine" {
  type = string
}

variable "engine_version" {
  type = string
}

variable "instance_class" {
  type = string
}

variable "allocated_storage" {
  type = number
}

variable "max_allocated_storage" {
  type = number
}

variable "multi_az" {
  type = bool
}

variable "read_replicas" {
  type = number
}

variable "backup_retention_days" {
  type = number
}

variable "backup_region" {
  type        = string
  default     = ""
  description = "the recovery region the automated backups are replicated to; empty for none"
}

variable "db_name" {
  type = string
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
    description = "the private subnets of the cluster"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_db_instance" "primary" {
  identifier                          = var.name
  engine                              = var.engine
  engine_version                      = var.engine_version
  instance_class                      = var.instance_class
  allocated_storage                   = var.allocated_storage
  max_allocated_storage               = var.max_allocated_storage
  storage_type                        = "gp3"
  storage_encrypted                   = true
  kms_key_id                          = var.kms_key_arn
  db_name                             = var.db_name
  port                                = var.port
  username                            = "app_admin"
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = var.kms_key_arn
  iam_database_authentication_enabled = true
  multi_az                            = var.multi_az
  backup_retention_period             = var.backup_retention_days
  backup_window                       = "02:00-03:00"
  maintenance_window                  = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot               = true
  deletion_protection                 = var.deletion_protection
  skip_final_snapshot                 = false
  final_snapshot_identifier           = "${var.name}-final"
  performance_insights_enabled        = true
  performance_insights_kms_key_id     = var.kms_key_arn
  auto_minor_version_upgrade          = true
  publicly_accessible                 = false
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.this.id]
  tags                                = var.tags
}

resource "aws_kms_key" "backup" {
  count                   = var.backup_region == "" ? 0 : 1
  region                  = var.backup_region
  description             = "Encrypts the replicated backups of ${var.name} in ${var.backup_region}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

resource "aws_db_instance_automated_backups_replication" "recovery" {
  count                  = var.backup_region == "" ? 0 : 1
  region                 = var.backup_region
  source_db_instance_arn = aws_db_instance.primary.arn
  kms_key_id             = aws_kms_key.backup[0].arn
  retention_period       = var.backup_retention_days
}

resource "aws_db_instance" "replica" {
  count                  = var.read_replicas
  identifier             = "${var.name}-replica-${count.index + 1}"
  replicate_source_db    = aws_db_instance.primary.identifier
  instance_class         = var.instance_class
  storage_encrypted      = true
  kms_key_id             = var.kms_key_arn
  publicly_accessible    = false
  skip_final_snapshot    = true
  vpc_security_group_ids = [aws_security_group.this.id]
  tags                   = var.tags
}

output "address" {
  value = aws_db_instance.primary.address
}

output "arn" {
  value = aws_db_instance.primary.arn
}

output "backup_replication_arn" {
  value = one(aws_db_instance_automated_backups_replication.recovery[*].id)
}

output "replica_addresses" {
  value = aws_db_instance.replica[*].address
}
