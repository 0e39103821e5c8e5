# One Artifact Registry Docker repository for the project's images: immutable tags, encrypted with
# the project's key; each runtime identity may read it (the ci workflow pushes with an identity of its own).
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

variable "readers" {
  type        = map(string)
  description = "deployable => the IAM member of its service account, which pulls its image"
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

resource "google_artifact_registry_repository_iam_member" "readers" {
  for_each   = var.readers
  location   = google_artifact_registry_repository.this.location
  repository = google_artifact_registry_repository.this.name
  role       = "roles/artifactregistry.reader"
  member     = each.value
}

output "url" {
  value = "${var.region}-docker.pkg.dev/${google_artifact_registry_repository.this.project}/${var.project}"
}

output "repository" {
  value = google_artifact_registry_repository.this.name
}
