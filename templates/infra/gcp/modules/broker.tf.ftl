<#-- infra/modules/broker/main.tf (GCP). Model: EnvView of prod; the broker is kafka or cloud-pubsub. -->
<#if model.broker.pubsub()>
# The broker: Pub/Sub, a topic per channel of api/asyncapi.yaml and a subscription per consumer and
# topic, each with its dead-letter topic (<subscription>.dlq) after five failed deliveries; the
# messages are encrypted with the project's key.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "topics" {
  type = list(string)
}

variable "subscriptions" {
  type        = map(string)
  description = "subscription => the topic it reads"
}

variable "push" {
  type = map(object({
    endpoint        = string
    service_account = string
  }))
  description = "subscription => the Cloud Run service it pushes to, and the identity whose OIDC token it sends"
  default     = {}
}

variable "push_identities" {
  type        = map(string)
  description = "deployable => the identity that signs the pushes to it"
  default     = {}
}

variable "project_id" {
  type    = string
  default = ""
}

variable "project_number" {
  type        = string
  description = "the project's number, which names its Pub/Sub service agent"
  default     = ""
}

variable "region" {
  type        = string
  description = "the region of the Cloud Run services pushed to"
  default     = ""
}

variable "kms_key_id" {
  type = string
}

variable "labels" {
  type = map(string)
}

resource "google_pubsub_topic" "this" {
  for_each                   = toset(var.topics)
  name                       = each.value
  kms_key_name               = var.kms_key_id
  message_retention_duration = "604800s"
  labels                     = var.labels
}

resource "google_pubsub_topic" "dead_letter" {
  for_each     = var.subscriptions
  name         = "${each.key}.dlq"
  kms_key_name = var.kms_key_id
  labels       = var.labels
}

resource "google_pubsub_subscription" "this" {
  for_each             = var.subscriptions
  name                 = each.key
  topic                = google_pubsub_topic.this[each.value].id
  ack_deadline_seconds = 30
  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter[each.key].id
    max_delivery_attempts = 5
  }
  dynamic "push_config" {
    for_each = contains(keys(var.push), each.key) ? [var.push[each.key]] : []
    content {
      push_endpoint = push_config.value.endpoint
      oidc_token {
        service_account_email = push_config.value.service_account
      }
    }
  }
  labels = var.labels
}

# Pub/Sub's service agent signs each push's OIDC token as the push identity.
resource "google_service_account_iam_member" "push" {
  for_each           = var.push_identities
  service_account_id = "projects/${var.project_id}/serviceAccounts/${each.value}"
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:service-${var.project_number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# The push identity may invoke the one service it pushes to, and no other: roles/run.invoker held on the
# project under a condition naming that service, so it is granted here before the deploy job creates the
# service from deploy/cloudrun/ (the deploy identity changes no IAM policy)
resource "google_project_iam_member" "push_invoker" {
  for_each = var.push_identities
  project  = var.project_id
  role     = "roles/run.invoker"
  member   = "serviceAccount:${each.value}"
  condition {
    title      = "invoke ${each.key}"
    expression = "resource.type == 'run.googleapis.com/Service' && resource.name.endsWith('/locations/${var.region}/services/${each.key}')"
  }
}
<#else>
# The broker: Google Cloud Managed Service for Apache Kafka in the private subnet, encrypted with
# the project's key, at the vCPU and memory CAPACITY.md prices, and the topics of api/asyncapi.yaml
# with their partitions from CAPACITY.md.
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

variable "vcpu_count" {
  type = number
}

variable "memory_bytes" {
  type = number
}

variable "subnet_id" {
  type = string
}

variable "kms_key_id" {
  type = string
}

variable "topics" {
  type        = map(number)
  description = "topic => partitions"
}

variable "labels" {
  type = map(string)
}

resource "google_managed_kafka_cluster" "this" {
  cluster_id = var.name
  location   = var.region
  capacity_config {
    vcpu_count   = var.vcpu_count
    memory_bytes = var.memory_bytes
  }
  gcp_config {
    kms_key = var.kms_key_id
    access_config {
      network_configs {
        subnet = var.subnet_id
      }
    }
  }
  labels = var.labels
}

resource "google_managed_kafka_topic" "this" {
  for_each           = var.topics
  topic_id           = each.key
  cluster            = google_managed_kafka_cluster.this.cluster_id
  location           = var.region
  partition_count    = each.value
  replication_factor = 3
  configs = {
    "retention.ms"        = "604800000"
    "min.insync.replicas" = "2"
  }
}

output "address" {
  value = "bootstrap.${google_managed_kafka_cluster.this.cluster_id}.${var.region}.managedkafka.${google_managed_kafka_cluster.this.project}.cloud.goog"
}
</#if>
