<#-- infra/modules/kms/main.tf (GCP). Model: EnvView of prod. -->
# The customer-managed key that encrypts the databases, cache, broker, secret entries and images at
# rest, rotated every 90 days. The Google service agents of Cloud SQL, Memorystore, Secret Manager
# and Artifact Registry need roles/cloudkms.cryptoKeyEncrypterDecrypter on it.
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

variable "labels" {
  type = map(string)
}

resource "google_kms_key_ring" "this" {
  name     = var.name
  location = var.region
}

resource "google_kms_crypto_key" "this" {
  name            = var.name
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "7776000s"
  labels          = var.labels
}

output "key_id" {
  value = google_kms_crypto_key.this.id
}
