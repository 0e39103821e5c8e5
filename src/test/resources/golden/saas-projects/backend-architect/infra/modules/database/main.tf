# One Cloud SQL instance (PostgreSQL or MySQL) of one deployable: private address only, TLS only,
# encrypted with the project's key, regional (a synchronous standby in another zone) when
# availability_type is REGIONAL, read replicas, automated backups with point-in-time recovery. When
# backup_region names the recovery region, the automated backups are kept there (Cloud SQL's custom
# backup location), out of the primary region; the transaction logs of point-in-time recovery stay
# in the instance's region.
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
  description = "REGIONAL: a synchronous standby in another zone; ZONAL: none"
}

variable "read_replicas" {
  type = number
}

variable "backup_retention_days" {
  type = number
}

variable "point_in_time_recovery" {
  type = bool
}

variable "backup_region" {
  type        = string
  default     = ""
  description = "the recovery region the automated backups are kept in; empty for Cloud SQL's default location"
}

variable "db_name" {
  type = string
}

variable "kms_key_id" {
  type = string
}

variable "network_id" {
  type = string
}

variable "deletion_protection" {
  type = bool
}

variable "labels" {
  type = map(string)
}

resource "google_sql_database_instance" "primary" {
  name                = var.name
  region              = var.region
  database_version    = var.database_version
  encryption_key_name = var.kms_key_id
  deletion_protection = var.deletion_protection
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
      enabled                        = true
      location                       = var.backup_region == "" ? null : var.backup_region
      start_time                     = "02:00"
      point_in_time_recovery_enabled = var.point_in_time_recovery
      transaction_log_retention_days = min(var.backup_retention_days, 7)
      backup_retention_settings {
        retained_backups = var.backup_retention_days
      }
    }
  }
}

resource "google_sql_database_instance" "replica" {
  count                = var.read_replicas
  name                 = "${var.name}-replica-${count.index + 1}"
  region               = var.region
  database_version     = var.database_version
  master_instance_name = google_sql_database_instance.primary.name
  encryption_key_name  = var.kms_key_id
  deletion_protection  = var.deletion_protection
  settings {
    tier        = var.tier
    user_labels = var.labels
    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
  }
}

resource "google_sql_database" "this" {
  name     = var.db_name
  instance = google_sql_database_instance.primary.name
}

output "address" {
  value = google_sql_database_instance.primary.private_ip_address
}
