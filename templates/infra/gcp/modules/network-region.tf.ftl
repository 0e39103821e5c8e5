<#-- infra/modules/network-region/main.tf (GCP). Model: EnvView of prod. -->
# The second production region's part of production's network: a Google Cloud VPC network is global,
# so the second region's root adds a private subnet of its own region to it (secondary ranges for the
# GKE pods and services), with Cloud NAT for outbound traffic. Production's private services access
# serves every region, so the Cloud SQL replicas join their primaries' network, as Cloud SQL's
# cross-region replicas do.
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

variable "network_id" {
  type        = string
  description = "production's VPC network (infra/envs/prod's output network_id)"
}

variable "cidr" {
  type        = string
  description = "the region's address range: none of production's"
}

resource "google_compute_subnetwork" "private" {
  name                     = "${var.name}-private"
  region                   = var.region
  network                  = var.network_id
  ip_cidr_range            = cidrsubnet(var.cidr, 4, 0)
  private_ip_google_access = true
  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = cidrsubnet(var.cidr, 2, 1)
  }
  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = cidrsubnet(var.cidr, 4, 1)
  }
}

resource "google_compute_router" "this" {
  name    = var.name
  region  = var.region
  network = var.network_id
}

resource "google_compute_router_nat" "this" {
  name                               = var.name
  router                             = google_compute_router.this.name
  region                             = var.region
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"
}

output "network_id" {
  value = var.network_id
}

output "subnet_id" {
  value = google_compute_subnetwork.private.id
}
