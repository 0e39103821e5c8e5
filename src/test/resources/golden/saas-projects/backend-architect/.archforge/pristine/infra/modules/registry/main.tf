# One Artifact Registry Docker repository for the project's images: immutable tags, encrypted with
# the project's key.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
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

resource "google_artifact_registry_repository" "this" {
  repository_id = var.project
  location      = var.region
  format        = "DOCKER"
  kms_key_name  = var.kms_key_id
  docker_config {
    immutable_tags = true
  }
  labels = var.labels
}

output "url" {
  value = "${var.region}-docker.pkg.dev/${google_artifact_registry_repository.this.project}/${var.project}"
}
