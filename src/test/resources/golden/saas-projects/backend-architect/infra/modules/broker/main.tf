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
  labels = var.labels
}
