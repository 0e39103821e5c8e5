# One Google service account per deployable, allowed to read its own secret.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

variable "project_id" {
  type = string
}

variable "deployables" {
  type = list(string)
}

variable "secrets" {
  type        = map(string)
  description = "secret id => the deployable it belongs to"
}

variable "service_accounts" {
  type        = map(string)
  description = "deployable => its service account id"
}

variable "namespace" {
  type = string
}

resource "google_service_account" "this" {
  for_each     = toset(var.deployables)
  account_id   = var.service_accounts[each.value]
  display_name = "${each.value} of ${var.project}"
}

resource "google_secret_manager_secret_iam_member" "own_secret" {
  for_each  = var.secrets
  secret_id = each.key
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.this[each.value].email}"
}

# the collector sidecar beside each Cloud Run service sends its metrics and traces with the service's account
resource "google_project_iam_member" "collector_metrics" {
  for_each = toset(var.deployables)
  project  = var.project_id
  role     = "roles/monitoring.metricWriter"
  member   = "serviceAccount:${google_service_account.this[each.value].email}"
}

resource "google_project_iam_member" "collector_traces" {
  for_each = toset(var.deployables)
  project  = var.project_id
  role     = "roles/cloudtrace.agent"
  member   = "serviceAccount:${google_service_account.this[each.value].email}"
}

output "emails" {
  value = zipmap(keys(google_service_account.this), values(google_service_account.this)[*].email)
}

output "members" {
  value = { for name, account in google_service_account.this : name => format("serviceAccount:%s", account.email) }
}
