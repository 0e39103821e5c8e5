# The runtime the deployment decision chose: Cloud Run. This module turns on its API and creates
# the Serverless VPC Access connector through which the services reach the data stores' private
# addresses (the zone internal.example); each descriptor names it. The services themselves are the descriptors in
# deploy/cloudrun/: the deploy workflow runs `gcloud run services replace` with each, so one file
# says how each service runs; each runs as its own service account (module identity).
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "connector" {
  type        = string
  description = "the connector's name, as the descriptors' run.googleapis.com/vpc-access-connector names it"
}

variable "region" {
  type = string
}

variable "project_id" {
  type = string
}

variable "network_id" {
  type = string
}

variable "cidr" {
  type        = string
  description = "the network's range; the connector takes its last /28"
}

variable "min_instances" {
  type = number
}

variable "max_instances" {
  type = number
}

variable "labels" {
  type = map(string)
}

resource "google_project_service" "this" {
  for_each           = toset(["run.googleapis.com", "vpcaccess.googleapis.com"])
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

resource "google_vpc_access_connector" "this" {
  name          = var.connector
  region        = var.region
  network       = var.network_id
  ip_cidr_range = cidrsubnet(var.cidr, 12, 4095)
  min_instances = var.min_instances
  max_instances = var.max_instances
  depends_on    = [google_project_service.this]
}

output "connector_id" {
  value = google_vpc_access_connector.this.id
}
