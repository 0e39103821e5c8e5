<#-- infra/modules/identity/main.tf (GCP). Model: EnvView of prod. -->
<#if model.cluster??>
# One Google service account per deployable, which its Kubernetes ServiceAccount alone may act as
# (Workload Identity), allowed to read its own secret; and the External Secrets Operator's, which
# reads the project's secrets for the SecretStore.
<#else>
# One Google service account per deployable, allowed to read its own secret.
</#if>
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
<#if model.cluster??>

# the External Secrets Operator's, on Kubernetes alone (Cloud Run and VMs read their secrets as their own accounts)
resource "google_service_account" "secret_store" {
  account_id   = substr("${var.project}-secrets", 0, 30)
  display_name = "the External Secrets Operator of ${var.project}"
}
</#if>

resource "google_secret_manager_secret_iam_member" "own_secret" {
  for_each  = var.secrets
  secret_id = each.key
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.this[each.value].email}"
}
<#if model.cluster??>

resource "google_secret_manager_secret_iam_member" "secret_store" {
  for_each  = var.secrets
  secret_id = each.key
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.secret_store.email}"
}
</#if>
<#if model.collectorWrites>

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
</#if>
<#if model.broker?? && model.broker.technology == "kafka">

# the services that speak Kafka log in to Managed Kafka with SASL PLAIN as their own account (its email and
# a key the team creates into their BROKER_USERNAME and BROKER_PASSWORD secrets; none is written here)
resource "google_project_iam_member" "kafka_client" {
  for_each = toset([<#list model.broker.clients as c>"[=c]"<#sep>, </#list>])
  project  = var.project_id
  role     = "roles/managedkafka.client"
  member   = "serviceAccount:${google_service_account.this[each.value].email}"
}
</#if>
<#if model.cluster??>

resource "google_service_account_iam_member" "workload_identity" {
  for_each           = toset(var.deployables)
  service_account_id = google_service_account.this[each.value].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.namespace}/${each.value}]"
}

resource "google_service_account_iam_member" "secret_store_identity" {
  service_account_id = google_service_account.secret_store.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.namespace}/[=model.secretStoreAccount()]]"
}
</#if>

output "emails" {
  value = zipmap(keys(google_service_account.this), values(google_service_account.this)[*].email)
}

output "members" {
  value = { for name, account in google_service_account.this : name => format("serviceAccount:%s", account.email) }
}
