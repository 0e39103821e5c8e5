# The private zone the cluster reaches the data stores by (internal.example): one record per endpoint
# that deploy/k8s names (DB_HOST, CACHE_HOST, the broker): A for private addresses, CNAME for names.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "zone" {
  type = string
}

variable "network_id" {
  type = string
}

variable "records" {
  type = map(object({
    type  = string
    value = string
  }))
  description = "name in the zone => record type and value"
}

variable "labels" {
  type = map(string)
}

resource "google_dns_managed_zone" "this" {
  name       = replace(var.zone, ".", "-")
  dns_name   = "${var.zone}."
  visibility = "private"
  private_visibility_config {
    networks {
      network_url = var.network_id
    }
  }
  labels = var.labels
}

resource "google_dns_record_set" "this" {
  for_each     = var.records
  managed_zone = google_dns_managed_zone.this.name
  name         = "${each.key}.${var.zone}."
  type         = each.value.type
  ttl          = 60
  rrdatas      = [each.value.value]
}
