<#-- infra/modules/runtime-kubernetes/main.tf (GCP). Model: EnvView of prod (with a cluster). -->
# The runtime the deployment decision chose: a regional GKE cluster with private nodes, Workload
# Identity, Kubernetes secrets encrypted with the project's key, and one autoscaled node pool. Its IP
# endpoints are private; the deploy jobs reach the control plane by its DNS-based endpoint, which
# Google fronts and authorises by IAM (container.clusters.connect) before Kubernetes RBAC.
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

variable "project_id" {
  type = string
}

variable "network_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "node_type" {
  type = string
}

variable "min_nodes" {
  type = number
}

variable "max_nodes" {
  type = number
}

variable "kms_key_id" {
  type = string
}

variable "deletion_protection" {
  type = bool
}

variable "admins" {
  type        = list(string)
  description = "the IAM members (user:, group:, serviceAccount:) granted Kubernetes Engine Admin"
}

variable "labels" {
  type = map(string)
}

resource "google_service_account" "nodes" {
  account_id   = substr("${var.name}-nodes", 0, 30)
  display_name = "the nodes of ${var.name}"
}

resource "google_container_cluster" "this" {
  name                     = var.name
  location                 = var.region
  network                  = var.network_id
  subnetwork               = var.subnet_id
  remove_default_node_pool = true
  initial_node_count       = 1
  deletion_protection      = var.deletion_protection
  resource_labels          = var.labels
  release_channel {
    channel = "REGULAR"
  }
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
  # the deploy job's way in (gcloud container clusters get-credentials --dns-endpoint): reachable from
  # outside the VPC, and only by identities IAM lets connect; the IP endpoints stay private
  control_plane_endpoints_config {
    dns_endpoint_config {
      allow_external_traffic = true
    }
  }
  database_encryption {
    state    = "ENCRYPTED"
    key_name = var.kms_key_id
  }
}

# the administrators: Kubernetes Engine Admin, the cluster and its Kubernetes API objects (they install the
# External Secrets Operator and its CRDs, infra/README.md); the role's narrowest scope is the project, this
# root's alone
resource "google_project_iam_member" "admin" {
  for_each = toset(var.admins)
  project  = var.project_id
  role     = "roles/container.admin"
  member   = each.value
}

resource "google_container_node_pool" "default" {
  name     = "default"
  cluster  = google_container_cluster.this.id
  location = var.region
  autoscaling {
    total_min_node_count = var.min_nodes
    total_max_node_count = var.max_nodes
  }
  node_config {
    machine_type    = var.node_type
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    resource_labels = var.labels
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}

output "node_service_account" {
  value = google_service_account.nodes.email
}

output "cluster_name" {
  value = google_container_cluster.this.name
}
