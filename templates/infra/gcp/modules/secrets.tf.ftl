<#-- infra/modules/secrets/main.tf (GCP). Model: EnvView of prod. -->
<#if model.managedContainers>
# One Secret Manager secret per secret variable of each deployable, encrypted with the project's key,
# named as the Cloud Run services of deploy/ read them (each reads its variables' latest versions).
<#else>
# One Secret Manager secret per deployable, encrypted with the project's key, named as the
# ExternalSecrets of deploy/k8s read them (one JSON key per variable).
</#if>
# With a second region (replica_region), each entry is also kept there, under a key of that region,
# so that the standby reads its secrets while the primary region is down. Secret Manager cannot change
# an entry's replication, and a change would make OpenTofu replace the entry and lose its values: the
# replication is set when an entry is created and ignored after that, so entries created before the
# second region keep the one region they have (infra/README.md and RUNBOOK.md say what that means).
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

variable "replica_region" {
  type        = string
  default     = ""
  description = "the second production region the entries are also kept in; empty for none"
}

variable "replica_kms_key_id" {
  type        = string
  default     = ""
  description = "the key of replica_region that encrypts the entries there"
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
      dynamic "replicas" {
        for_each = var.replica_region == "" ? [] : [var.replica_region]
        content {
          location = replicas.value
          customer_managed_encryption {
            kms_key_name = var.replica_kms_key_id
          }
        }
      }
    }
  }
  # never replace an entry that production applied: that would lose its versions (its values)
  lifecycle {
    ignore_changes = [replication]
  }
}

output "ids" {
  value = zipmap(keys(google_secret_manager_secret.this), values(google_secret_manager_secret.this)[*].id)
}
