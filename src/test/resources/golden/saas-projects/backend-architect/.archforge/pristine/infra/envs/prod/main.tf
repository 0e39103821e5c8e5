# The prod environment of taskhub on Google Cloud: the root module that `tofu apply`
# (or `terraform apply`) runs in this folder. Sizes: from CAPACITY.md and the decisions (each formula below).
# State: add a backend block (a GCS bucket) before the first apply.
terraform {
  required_version = ">= 1.6"
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "project_id" {
  type        = string
  description = "the Google Cloud project of this environment"
}

variable "region" {
  type    = string
  default = "us-central1"
}

variable "github_repository" {
  type        = string
  description = "<owner>/<name> of the GitHub repository whose workflows may push and deploy as this root's CI identities"
  validation {
    condition     = can(regex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", var.github_repository))
    error_message = "github_repository is <owner>/<name>, as in https://github.com/<owner>/<name>."
  }
}

variable "ci_pool_suffix" {
  type        = string
  default     = "1"
  description = "the end of the workload identity pool's id, taskhub-prod-<this>: a destroyed pool's id stays taken for 30 days, so after a destroy apply with another (or undelete the pool)"
  validation {
    condition     = can(regex("^[a-z0-9]{1,3}$", var.ci_pool_suffix))
    error_message = "ci_pool_suffix is 1 to 3 lowercase letters or digits."
  }
}

provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = local.labels
}

locals {
  name = "taskhub-prod"
  labels = {
    project     = "taskhub"
    service     = "shared"
    environment = "prod"
    cost-centre = "unassigned"
  }
  secrets = {
    "organizations-db-user" = "organizations"
    "organizations-db-password" = "organizations"
    "organizations-cache-password" = "organizations"
    "projects-db-user" = "projects"
    "projects-db-password" = "projects"
    "projects-cache-password" = "projects"
    "comments-db-user" = "comments"
    "comments-db-password" = "comments"
    "comments-cache-password" = "comments"
    "notifications-db-user" = "notifications"
    "notifications-db-password" = "notifications"
    "notifications-cache-password" = "notifications"
    "workspace-graph-db-user" = "workspace-graph"
    "workspace-graph-db-password" = "workspace-graph"
    "workspace-graph-cache-password" = "workspace-graph"
  }
}

module "network" {
  source = "../../modules/network"
  name   = local.name
  region = var.region
  cidr   = "10.30.0.0/16"
  labels = local.labels
}

module "kms" {
  source = "../../modules/kms"
  name   = local.name
  region = var.region
  labels = local.labels
}

# 8 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 440 connections (organizations.dbConnections) and vCPU × 500 ≥ 675 requests/s (writes); storage 425 GB = provisionedGb36 1380 × 0.3077 (its share of the entities); read replicas 1 = min(5, max(1, ceil(765 uncached reads/s / (8 vCPU × 500))))
module "database_organizations" {
  source                 = "../../modules/database"
  name                   = "taskhub-prod-organizations-db"
  region                 = var.region
  database_version       = "POSTGRES_16"
  tier                   = "db-custom-8-30720"
  disk_size_gb           = 425
  max_disk_size_gb       = 850
  availability_type      = "REGIONAL"
  read_replicas          = 1
  backup_retention_days  = 14
  point_in_time_recovery = true
  # the backups are kept in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region          = "us-east1"
  db_name                = "organizations"
  deletion_protection    = true
  kms_key_id             = module.kms.key_id
  network_id             = module.network.network_id
  labels                 = merge(local.labels, { service = "organizations" })
  depends_on             = [module.network]
}

# 4 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 300 connections (projects.dbConnections) and vCPU × 500 ≥ 450 requests/s (writes); storage 425 GB = provisionedGb36 1380 × 0.3077 (its share of the entities); read replicas 1 = min(5, max(1, ceil(510 uncached reads/s / (4 vCPU × 500))))
module "database_projects" {
  source                 = "../../modules/database"
  name                   = "taskhub-prod-projects-db"
  region                 = var.region
  database_version       = "POSTGRES_16"
  tier                   = "db-custom-4-15360"
  disk_size_gb           = 425
  max_disk_size_gb       = 850
  availability_type      = "REGIONAL"
  read_replicas          = 1
  backup_retention_days  = 14
  point_in_time_recovery = true
  # the backups are kept in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region          = "us-east1"
  db_name                = "projects"
  deletion_protection    = true
  kms_key_id             = module.kms.key_id
  network_id             = module.network.network_id
  labels                 = merge(local.labels, { service = "projects" })
  depends_on             = [module.network]
}

# 2 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 160 connections (comments.dbConnections) and vCPU × 500 ≥ 225 requests/s (writes); storage 213 GB = provisionedGb36 1380 × 0.1538 (its share of the entities); read replicas 1 = min(5, max(1, ceil(255 uncached reads/s / (2 vCPU × 500))))
module "database_comments" {
  source                 = "../../modules/database"
  name                   = "taskhub-prod-comments-db"
  region                 = var.region
  database_version       = "POSTGRES_16"
  tier                   = "db-custom-2-7680"
  disk_size_gb           = 213
  max_disk_size_gb       = 426
  availability_type      = "REGIONAL"
  read_replicas          = 1
  backup_retention_days  = 14
  point_in_time_recovery = true
  # the backups are kept in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region          = "us-east1"
  db_name                = "comments"
  deletion_protection    = true
  kms_key_id             = module.kms.key_id
  network_id             = module.network.network_id
  labels                 = merge(local.labels, { service = "comments" })
  depends_on             = [module.network]
}

# 2 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 60 connections (notifications.dbConnections) and vCPU × 500 ≥ 75.9375 requests/s (writes); storage 213 GB = provisionedGb36 1380 × 0.1538 (its share of the entities); read replicas 1 = min(5, max(1, ceil(86.0625 uncached reads/s / (2 vCPU × 500))))
module "database_notifications" {
  source                 = "../../modules/database"
  name                   = "taskhub-prod-notifications-db"
  region                 = var.region
  database_version       = "POSTGRES_16"
  tier                   = "db-custom-2-7680"
  disk_size_gb           = 213
  max_disk_size_gb       = 426
  availability_type      = "REGIONAL"
  read_replicas          = 1
  backup_retention_days  = 14
  point_in_time_recovery = true
  # the backups are kept in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region          = "us-east1"
  db_name                = "notifications"
  deletion_protection    = true
  kms_key_id             = module.kms.key_id
  network_id             = module.network.network_id
  labels                 = merge(local.labels, { service = "notifications" })
  depends_on             = [module.network]
}

# 2 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 100 connections (workspace-graph.dbConnections) and vCPU × 500 ≥ 112.5 requests/s (writes); storage 107 GB = provisionedGb36 1380 × 0.0769 (its share of the entities); read replicas 1 = min(5, max(1, ceil(127.5 uncached reads/s / (2 vCPU × 500))))
module "database_workspace_graph" {
  source                 = "../../modules/database"
  name                   = "taskhub-prod-workspace-graph-db"
  region                 = var.region
  database_version       = "POSTGRES_16"
  tier                   = "db-custom-2-7680"
  disk_size_gb           = 107
  max_disk_size_gb       = 214
  availability_type      = "REGIONAL"
  read_replicas          = 1
  backup_retention_days  = 14
  point_in_time_recovery = true
  # the backups are kept in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region          = "us-east1"
  db_name                = "workspace_graph"
  deletion_protection    = true
  kms_key_id             = module.kms.key_id
  network_id             = module.network.network_id
  labels                 = merge(local.labels, { service = "workspace-graph" })
  depends_on             = [module.network]
}

# memory 2 GB = ceil(cacheGb 1.53)
module "cache" {
  source     = "../../modules/cache"
  name       = "${local.name}-redis"
  region     = var.region
  tier       = "STANDARD_HA"
  memory_gb  = 2
  kms_key_id = module.kms.key_id
  network_id = module.network.network_id
  labels     = local.labels
  depends_on = [module.network]
}

# a topic per channel of api/asyncapi.yaml, a subscription per consumer and topic
module "broker" {
  source     = "../../modules/broker"
  topics     = ["taskhub.projects.task-assigned.v1", "taskhub.projects.task-status-changed.v1", "taskhub.projects.project-archived.v1", "taskhub.comments.comment-added.v1", "taskhub.organizations.member-invited.v1", "taskhub.organizations.member-removed.v1"]
  kms_key_id = module.kms.key_id
  subscriptions = {
    "taskhub.organizations.member-removed.v1.projects" = "taskhub.organizations.member-removed.v1"
    "taskhub.projects.project-archived.v1.comments" = "taskhub.projects.project-archived.v1"
    "taskhub.projects.task-assigned.v1.notifications" = "taskhub.projects.task-assigned.v1"
    "taskhub.projects.task-status-changed.v1.notifications" = "taskhub.projects.task-status-changed.v1"
    "taskhub.comments.comment-added.v1.notifications" = "taskhub.comments.comment-added.v1"
    "taskhub.organizations.member-invited.v1.notifications" = "taskhub.organizations.member-invited.v1"
  }
  labels = local.labels
}

module "secrets" {
  source     = "../../modules/secrets"
  secrets    = local.secrets
  region     = var.region
  kms_key_id = module.kms.key_id
  labels     = local.labels
}

module "registry" {
  source     = "../../modules/registry"
  project    = "taskhub"
  region     = var.region
  kms_key_id = module.kms.key_id
  # who pulls the images: each deployable's service account
  readers    = module.identity.members
  labels     = local.labels
}

module "runtime" {
  source        = "../../modules/runtime-managed-containers"
  connector     = "taskhub"
  region        = var.region
  project_id    = var.project_id
  network_id    = module.network.network_id
  cidr          = "10.30.0.0/16"
  min_instances = 2
  max_instances = 10
  labels        = local.labels
}

module "identity" {
  source      = "../../modules/identity"
  project     = "taskhub"
  project_id  = var.project_id
  deployables = ["organizations", "projects", "comments", "notifications", "workspace-graph", "taskhub-bff"]
  secrets     = local.secrets
  namespace   = "taskhub-prod"
  depends_on  = [module.secrets]
  # each deployable's account id, as its descriptor or ServiceAccount names it
  service_accounts = {
    "organizations" = "taskhub-organizations"
    "projects" = "taskhub-projects"
    "comments" = "taskhub-comments"
    "notifications" = "taskhub-notifications"
    "workspace-graph" = "taskhub-workspace-graph"
    "taskhub-bff" = "taskhub-taskhub-bff"
  }
}

module "dns" {
  source     = "../../modules/dns"
  zone       = "internal.example"
  network_id = module.network.network_id
  records = {
    "organizations-db" = { type = "A", value = module.database_organizations.address }
    "projects-db" = { type = "A", value = module.database_projects.address }
    "comments-db" = { type = "A", value = module.database_comments.address }
    "notifications-db" = { type = "A", value = module.database_notifications.address }
    "workspace-graph-db" = { type = "A", value = module.database_workspace_graph.address }
    "redis" = { type = "A", value = module.cache.address }
  }
  labels = local.labels
}

# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source              = "../../modules/ci-identity"
  project             = "taskhub"
  project_id          = var.project_id
  github_repository   = var.github_repository
  pool_id             = "taskhub-prod-${var.ci_pool_suffix}"
  subjects            = {
    push   = { context = "ref:refs/heads/main", workflow = ".github/workflows/ci.yaml@refs/heads/main" }
    deploy = { context = "environment:prod", workflow = ".github/workflows/deploy.yaml@refs/heads/main" }
  }
  account_ids         = { push = "taskhub-ci-push", deploy = "taskhub-ci-deploy" }
  region              = var.region
  registry_repository = module.registry.repository
  runtime_accounts    = module.identity.emails
}

output "workload_identity_provider" {
  value = module.ci_identity.workload_identity_provider
}

output "push_service_account" {
  value = module.ci_identity.push_service_account
}

output "deploy_service_account" {
  value = module.ci_identity.deploy_service_account
}

output "project_id" {
  value = var.project_id
}
