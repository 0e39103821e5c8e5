<#-- infra/modules/cache/main.tf (GCP). Model: EnvView of prod. -->
# The cache: Memorystore for Redis over private services access, AUTH on, TLS in transit,
# encrypted with the project's key; STANDARD_HA keeps a replica in another zone. Memorystore makes
# the AUTH string (output auth_string): store it as CACHE_PASSWORD in the deployables' secret entries.
# No persistence: the caching decision keeps it cache-aside, so every entry is a copy of a database
# row, the services work while it is down, and a replacement starts empty and refills.
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

variable "tier" {
  type = string
}

variable "memory_gb" {
  type = number
}

variable "kms_key_id" {
  type = string
}

variable "network_id" {
  type = string
}

variable "labels" {
  type = map(string)
}

resource "google_redis_instance" "this" {
  name                    = var.name
  region                  = var.region
  tier                    = var.tier
  memory_size_gb          = var.memory_gb
  redis_version           = "REDIS_7_2"
  authorized_network      = var.network_id
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  customer_managed_key    = var.kms_key_id
  labels                  = var.labels
}

output "address" {
  value = google_redis_instance.this.host
}

output "auth_string" {
  value     = google_redis_instance.this.auth_string
  sensitive = true
}
