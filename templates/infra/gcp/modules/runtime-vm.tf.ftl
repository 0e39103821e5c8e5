<#-- infra/modules/runtime-vm/main.tf (GCP). Model: EnvView of prod (runtime vm). -->
# The runtime the deployment decision chose: virtual machines. Each deployable is a regional managed
# instance group across the region's zones, booting Ubuntu 24.04 LTS with the user data of
# deploy/vm/<name>.cloud-init.yaml (metadata user-data, which cloud-init reads) as its own service
# account (module identity: its own secret, plus writing logs and metrics for the Ops Agent). Shielded
# VM, no external address, OS Login only (no SSH keys in metadata). Autohealing replaces a machine whose
# readiness path fails; the autoscaler holds the CPU target between the group's bounds. Firewall rules
# admit the service port from inside the network and from Google's health checkers only, and deny the
# rest. An internal passthrough load balancer answers the name of each deployable others call in the
# private zone (<name>.[=model.zone]:[=model.port?c])<#if model.publicDeployables()?has_content>; a global external Application Load Balancer
# serves the public path prefixes over HTTPS</#if>.
# New versions are the deploy workflow's: it copies the newest base template (<group>-base-*, this
# module's: machine type, account, subnet, labels) with the new user data and starts a rolling update
# of the group, so the group ignores version changes here and a new machine type arrives with the next deploy.
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

variable "region" {
  type = string
}

variable "machines" {
  type        = map(object({ type = string, min = number, max = number, called = bool }))
  description = "deployable => its machine type, the group's bounds (CAPACITY.md) and whether others call it"
}
<#if model.publicDeployables()?has_content>

variable "public" {
  type        = list(string)
  description = "the deployables that take traffic from outside, behind the public load balancer"
}

variable "routes" {
  type        = map(object({ service = string, path = string, priority = number }))
  description = "each public path prefix (as the gateway routes it) => the service behind it"
}

variable "certificate" {
  type        = string
  description = "the self link of the public host name's SSL certificate, for the load balancer's HTTPS proxy"
}
</#if>

variable "port" {
  type = number
}

variable "health_path" {
  type = string
}

variable "cpu_target" {
  type        = number
  description = "the average CPU use (percent) the autoscaler holds, as the HorizontalPodAutoscalers do"
}

variable "user_data" {
  type        = string
  description = "the folder of the user data the workspace holds (deploy/vm)"
}

variable "service_accounts" {
  type        = map(string)
  description = "deployable => the email of the service account its machines run as (module identity)"
}

variable "network_id" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "allowed_cidr" {
  type = string
}

variable "name_suffix" {
  type        = string
  default     = ""
  description = "appended to the names of global resources (health checks, firewall rules, the public load balancer), which another root of the same project may hold: the second region's"
}

variable "labels" {
  type = map(string)
}

locals {
  # where Google's health checkers and its load balancers' front ends connect from
  health_check_ranges = ["35.191.0.0/16", "130.211.0.0/22"]
  # the deployables others call at their name in the private zone: each gets an internal load balancer
  called = { for name, m in var.machines : name => m if m.called }
}

# the Ops Agent ships each machine's service log and metrics with the machine's own account
resource "google_project_iam_member" "logs" {
  for_each = var.machines
  project  = var.project_id
  role     = "roles/logging.logWriter"
  member   = "serviceAccount:${var.service_accounts[each.key]}"
}

resource "google_project_iam_member" "metrics" {
  for_each = var.machines
  project  = var.project_id
  role     = "roles/monitoring.metricWriter"
  member   = "serviceAccount:${var.service_accounts[each.key]}"
}

resource "google_compute_health_check" "ready" {
  for_each            = var.machines
  name                = "${var.project}-${each.key}-ready${var.name_suffix}"
  check_interval_sec  = 10
  timeout_sec         = 5
  healthy_threshold   = 2
  unhealthy_threshold = 3
  http_health_check {
    port         = var.port
    request_path = var.health_path
  }
}

resource "google_compute_firewall" "service" {
  for_each                = var.machines
  name                    = "${var.project}-${each.key}-service${var.name_suffix}"
  network                 = var.network_id
  direction               = "INGRESS"
  priority                = 1000
  source_ranges           = concat([var.allowed_cidr], local.health_check_ranges)
  target_service_accounts = [var.service_accounts[each.key]]
  allow {
    protocol = "tcp"
    ports    = [tostring(var.port)]
  }
}

resource "google_compute_firewall" "deny" {
  for_each                = var.machines
  name                    = "${var.project}-${each.key}-deny${var.name_suffix}"
  network                 = var.network_id
  direction               = "INGRESS"
  priority                = 65000
  source_ranges           = ["0.0.0.0/0"]
  target_service_accounts = [var.service_accounts[each.key]]
  deny {
    protocol = "all"
  }
}

resource "google_compute_instance_template" "this" {
  for_each     = var.machines
  name_prefix  = "${var.project}-${each.key}-base-"
  machine_type = each.value.type
  labels       = merge(var.labels, { service = each.key })
  disk {
    source_image = "projects/ubuntu-os-cloud/global/images/family/ubuntu-2404-lts-amd64"
    boot         = true
    auto_delete  = true
    disk_size_gb = 20
    disk_type    = "pd-balanced"
    labels       = merge(var.labels, { service = each.key })
  }
  network_interface {
    subnetwork = var.subnet_id
  }
  metadata = {
    user-data              = file(format("%s/%s.cloud-init.yaml", var.user_data, each.key))
    enable-oslogin         = "TRUE"
    block-project-ssh-keys = "TRUE"
  }
  service_account {
    email  = var.service_accounts[each.key]
    scopes = ["cloud-platform"]
  }
  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "google_compute_region_instance_group_manager" "this" {
  for_each           = var.machines
  name               = "${var.project}-${each.key}"
  base_instance_name = each.key
  region             = var.region
  version {
    name              = "boot"
    instance_template = google_compute_instance_template.this[each.key].id
  }
  named_port {
    name = "http"
    port = var.port
  }
  auto_healing_policies {
    health_check      = google_compute_health_check.ready[each.key].id
    initial_delay_sec = 300
  }
  update_policy {
    type                         = "PROACTIVE"
    minimal_action               = "REPLACE"
    instance_redistribution_type = "PROACTIVE"
    max_surge_fixed              = 3
    max_unavailable_fixed        = 0
  }
  lifecycle {
    ignore_changes = [version, target_size]
  }
}

resource "google_compute_region_autoscaler" "this" {
  for_each = var.machines
  name     = "${var.project}-${each.key}"
  region   = var.region
  target   = google_compute_region_instance_group_manager.this[each.key].id
  autoscaling_policy {
    min_replicas    = each.value.min
    max_replicas    = each.value.max
    cooldown_period = 120
    cpu_utilization {
      target = var.cpu_target / 100
    }
  }
}

resource "google_compute_region_backend_service" "internal" {
  for_each              = local.called
  name                  = "${var.project}-${each.key}-internal"
  region                = var.region
  load_balancing_scheme = "INTERNAL"
  protocol              = "TCP"
  health_checks         = [google_compute_health_check.ready[each.key].id]
  backend {
    group          = google_compute_region_instance_group_manager.this[each.key].instance_group
    balancing_mode = "CONNECTION"
  }
}

resource "google_compute_forwarding_rule" "internal" {
  for_each              = local.called
  name                  = "${var.project}-${each.key}-internal"
  region                = var.region
  load_balancing_scheme = "INTERNAL"
  backend_service       = google_compute_region_backend_service.internal[each.key].id
  ip_protocol           = "TCP"
  ports                 = [tostring(var.port)]
  network               = var.network_id
  subnetwork            = var.subnet_id
  labels                = merge(var.labels, { service = each.key })
}
<#if model.publicDeployables()?has_content>

resource "google_compute_global_address" "public" {
  name   = "${var.project}-public${var.name_suffix}"
  labels = var.labels
}

resource "google_compute_backend_service" "public" {
  for_each              = toset(var.public)
  name                  = "${var.project}-${each.value}-public${var.name_suffix}"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTP"
  port_name             = "http"
  health_checks         = [google_compute_health_check.ready[each.value].id]
  backend {
    group           = google_compute_region_instance_group_manager.this[each.value].instance_group
    balancing_mode  = "UTILIZATION"
    capacity_scaler = 1
  }
  log_config {
    enable = true
  }
}

resource "google_compute_url_map" "public" {
  name            = "${var.project}-public${var.name_suffix}"
  default_service = google_compute_backend_service.public[var.public[0]].id
  host_rule {
    hosts        = ["*"]
    path_matcher = "routes"
  }
  path_matcher {
    name            = "routes"
    default_service = google_compute_backend_service.public[var.public[0]].id
    dynamic "path_rule" {
      for_each = var.routes
      content {
        paths   = [path_rule.value.path, "${path_rule.value.path}/*"]
        service = google_compute_backend_service.public[path_rule.value.service].id
      }
    }
  }
}

resource "google_compute_ssl_policy" "public" {
  name            = "${var.project}-public${var.name_suffix}"
  profile         = "RESTRICTED"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_target_https_proxy" "public" {
  name             = "${var.project}-public${var.name_suffix}"
  url_map          = google_compute_url_map.public.id
  ssl_certificates = [var.certificate]
  ssl_policy       = google_compute_ssl_policy.public.id
}

resource "google_compute_global_forwarding_rule" "public" {
  name                  = "${var.project}-public${var.name_suffix}"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  target                = google_compute_target_https_proxy.public.id
  ip_address            = google_compute_global_address.public.id
  port_range            = "443"
  labels                = var.labels
}

output "public_address" {
  value = google_compute_global_address.public.address
}
</#if>

output "group_names" {
  value = { for name, group in google_compute_region_instance_group_manager.this : name => group.name }
}

output "internal_addresses" {
  description = "deployable => its internal load balancer's address, which its name in the private zone points at"
  value       = { for name, rule in google_compute_forwarding_rule.internal : name => rule.ip_address }
}
