<#-- infra/modules/database-replica/main.tf (GCP). Model: EnvView of prod. -->
# One cross-region read replica (Cloud SQL for PostgreSQL or MySQL) of a production database, in the
# second region's root: Cloud SQL copies the primary asynchronously to an instance of the same
# project (master_instance_name, the primary's name), encrypted with a key of the replica's own
# region (a cross-region replica needs one), on the primary's VPC network, whose private services
# access serves every region. It is sized as the primary so that it can take its load. promoted =
# true turns it into a standalone instance (no master_instance_name, instance type
# CLOUD_SQL_INSTANCE) with backups and point-in-time recovery of its own (RUNBOOK.md, "Fail over").
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "region" {
  type = string
}

variable "master_instance_name" {
  type        = string
  description = "the name of the primary instance in production's region"
}

variable "promoted" {
  type        = bool
  description = "true once the replica is promoted to a standalone instance"
}

variable "database_version" {
  type = string
}

variable "tier" {
  type = string
}

variable "disk_size_gb" {
  type = number
}

variable "max_disk_size_gb" {
  type = number
}

variable "availability_type" {
  type        = string
  description = "REGIONAL: a synchronous standby in another zone of the second region; ZONAL: none"
}

variable "backup_retention_days" {
  type        = number
  description = "the backups it keeps once promoted (a replica takes none)"
}

variable "point_in_time_recovery" {
  type = bool
}

variable "kms_key_id" {
  type        = string
  description = "a key of the replica's region"
}

variable "network_id" {
  type        = string
  description = "the primary's VPC network"
}

variable "deletion_protection" {
  type = bool
}

variable "labels" {
  type = map(string)
}

resource "google_sql_database_instance" "replica" {
  name                 = var.name
  region               = var.region
  database_version     = var.database_version
  master_instance_name = var.promoted ? null : var.master_instance_name
  instance_type        = var.promoted ? "CLOUD_SQL_INSTANCE" : "READ_REPLICA_INSTANCE"
  encryption_key_name  = var.kms_key_id
  deletion_protection  = var.deletion_protection
  settings {
    tier                        = var.tier
    availability_type           = var.availability_type
    disk_type                   = "PD_SSD"
    disk_size                   = var.disk_size_gb
    disk_autoresize             = true
    disk_autoresize_limit       = var.max_disk_size_gb
    deletion_protection_enabled = var.deletion_protection
    user_labels                 = var.labels
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
    backup_configuration {
      enabled                        = var.promoted
      start_time                     = "02:00"
      point_in_time_recovery_enabled = var.promoted && var.point_in_time_recovery
      transaction_log_retention_days = min(var.backup_retention_days, 7)
      backup_retention_settings {
        retained_backups = var.backup_retention_days
      }
    }
  }
}

output "address" {
  value = google_sql_database_instance.replica.private_ip_address
}

output "name" {
  value = google_sql_database_instance.replica.name
}
