# One Secret Manager secret per secret variable of each deployable, encrypted with the project's key,
# named as the Cloud Run services of deploy/ read them (each reads its variables' latest versions).
# No version (no value) is written here: a person adds it.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "secrets" {
  type        = map(string)
  description = "secret id => the deployable it belongs to"
}

variable "region" {
  type = string
}

variable "kms_key_id" {
  type = string
}

variable "labels" {
  type = map(string)
}

resource "google_secret_manager_secret" "this" {
  for_each  = var.secrets
  secret_id = each.key
  labels    = merge(var.labels, { service = each.value })
  replication {
    user_managed {
      replicas {
        location = var.region
        customer_managed_encryption {
          kms_key_name = var.kms_key_id
        }
      }
    }
  }
}

output "ids" {
  value = zipmap(keys(google_secret_manager_secret.this), values(google_secret_manager_secret.this)[*].id)
}
