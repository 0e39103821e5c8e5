# The prod environment of paystream on AWS: the root module that `tofu apply` (or
# `terraform apply`) runs in this folder. Sizes: from CAPACITY.md and the decisions (each formula below).
# State: add a backend block (an S3 bucket with locking) before the first apply.
terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
    tls = { source = "hashicorp/tls", version = "~> 4.0" }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "github_repository" {
  type        = string
  description = "<owner>/<name> of the GitHub repository whose workflows may push and deploy as this root's CI identities"
  validation {
    condition     = can(regex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", var.github_repository))
    error_message = "github_repository is <owner>/<name>, as in https://github.com/<owner>/<name>."
  }
}

variable "cluster_admins" {
  type        = list(string)
  description = "the IAM principals (role or user ARNs) that administer the cluster: cluster admin (AmazonEKSClusterAdminPolicy), install the External Secrets Operator"
  validation {
    condition     = length(var.cluster_admins) > 0
    error_message = "name who administers the cluster: nobody else may install its operators or change it cluster-wide"
  }
}

variable "github_oidc_provider_arn" {
  type        = string
  default     = ""
  description = "GitHub's OpenID Connect provider when another root in this AWS account created it (its output github_oidc_provider_arn); empty to create it here"
}

variable "github_connection_arn" {
  type        = string
  default     = ""
  description = "the CodeConnections connection to GitHub when another root in this AWS account created it (its output github_connection_arn); empty to create it here"
}

variable "cache_auth_token" {
  type        = string
  sensitive   = true
  description = "the CACHE_PASSWORD of the secret entries; pass it as TF_VAR_cache_auth_token"
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

locals {
  name = "paystream-prod"
  tags = {
    project     = "paystream"
    service     = "shared"
    environment = "prod"
    cost-centre = "unassigned"
  }
  secrets = {
    "paystream/accounts" = "accounts"
    "paystream/ledger" = "ledger"
    "paystream/transfers" = "transfers"
    "paystream/notifications" = "notifications"
  }
}

module "network" {
  source = "../../modules/network"
  name   = local.name
  cidr   = "10.30.0.0/16"
  tags   = local.tags
}

module "kms" {
  source = "../../modules/kms"
  name   = local.name
  tags   = local.tags
}

# 4 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 240 connections (accounts.dbConnections) and vCPU × 500 ≥ 1100 requests/s (writes + uncached reads); storage 2910 GB = provisionedGb36 8730 × 0.3333 (its share of the entities); read replicas 0 (scaling did not choose read replicas)
module "database_accounts" {
  source                = "../../modules/database"
  name                  = "paystream-prod-accounts-db"
  engine                = "postgres"
  engine_version        = "16"
  instance_class        = "db.m7g.xlarge"
  allocated_storage     = 2910
  max_allocated_storage = 5820
  multi_az              = true
  read_replicas         = 0
  backup_retention_days = 35
  # the backups' copy in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region         = "us-east-2"
  db_name               = "accounts"
  port                  = 5432
  deletion_protection   = true
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "accounts" })
}

# 2 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 120 connections (ledger.dbConnections) and vCPU × 500 ≥ 550 requests/s (writes + uncached reads); storage 2910 GB = provisionedGb36 8730 × 0.3333 (its share of the entities); read replicas 0 (scaling did not choose read replicas)
module "database_ledger" {
  source                = "../../modules/database"
  name                  = "paystream-prod-ledger-db"
  engine                = "postgres"
  engine_version        = "16"
  instance_class        = "db.m7g.large"
  allocated_storage     = 2910
  max_allocated_storage = 5820
  multi_az              = true
  read_replicas         = 0
  backup_retention_days = 35
  # the backups' copy in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region         = "us-east-2"
  db_name               = "ledger"
  port                  = 5432
  deletion_protection   = true
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "ledger" })
}

# 2 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 120 connections (transfers.dbConnections) and vCPU × 500 ≥ 550 requests/s (writes + uncached reads); storage 1940 GB = provisionedGb36 8730 × 0.2222 (its share of the entities); read replicas 0 (scaling did not choose read replicas)
module "database_transfers" {
  source                = "../../modules/database"
  name                  = "paystream-prod-transfers-db"
  engine                = "postgres"
  engine_version        = "16"
  instance_class        = "db.m7g.large"
  allocated_storage     = 1940
  max_allocated_storage = 3880
  multi_az              = true
  read_replicas         = 0
  backup_retention_days = 35
  # the backups' copy in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region         = "us-east-2"
  db_name               = "transfers"
  port                  = 5432
  deletion_protection   = true
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "transfers" })
}

# 2 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 100 connections (notifications.dbConnections) and vCPU × 500 ≥ 440 requests/s (writes + uncached reads); storage 970 GB = provisionedGb36 8730 × 0.1111 (its share of the entities); read replicas 0 (scaling did not choose read replicas)
module "database_notifications" {
  source                = "../../modules/database"
  name                  = "paystream-prod-notifications-db"
  engine                = "postgres"
  engine_version        = "16"
  instance_class        = "db.m7g.large"
  allocated_storage     = 970
  max_allocated_storage = 1940
  multi_az              = true
  read_replicas         = 0
  backup_retention_days = 35
  # the backups' copy in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region         = "us-east-2"
  db_name               = "notifications"
  port                  = 5432
  deletion_protection   = true
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "notifications" })
}

# memory 2 GB = ceil(cacheGb 1.05); a replica in another zone from availability 99.95 %
module "cache" {
  source       = "../../modules/cache"
  name         = "${local.name}-redis"
  node_type    = "cache.r7g.large"
  nodes        = 2
  failover     = true
  auth_token   = var.cache_auth_token
  kms_key_arn  = module.kms.key_arn
  vpc_id       = module.network.vpc_id
  subnet_ids   = module.network.private_subnet_ids
  allowed_cidr = module.network.cidr
  tags         = local.tags
}

# storage per broker 1305 GB = max(100, 1.438 MB/s in × 7 days × 3 replicas / 3 brokers × 1.5)
module "broker" {
  source        = "../../modules/broker"
  name          = "${local.name}-kafka"
  instance_type = "kafka.m7g.large"
  nodes         = 3
  storage_gb    = 1305
  subnet_ids    = module.network.private_subnet_ids
  kms_key_arn   = module.kms.key_arn
  vpc_id        = module.network.vpc_id
  allowed_cidr  = module.network.cidr
  tags          = local.tags
}

module "secrets" {
  source      = "../../modules/secrets"
  secrets     = local.secrets
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "registry" {
  source      = "../../modules/registry"
  project     = "paystream"
  namespace   = "paystream"
  deployables = ["accounts", "ledger", "transfers", "notifications"]
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

# nodes 3–9 = ceil(Σ hpaMin|hpaMax × cpuMillis / 3500 allocatable millicores per 4-vCPU node), at least 3 (one per zone)
module "runtime" {
  source             = "../../modules/runtime-kubernetes"
  admins             = var.cluster_admins
  name               = "paystream-prod"
  kubernetes_version = "1.33"
  node_type          = "m7g.xlarge"
  min_nodes          = 3
  max_nodes          = 9
  subnet_ids         = module.network.private_subnet_ids
  kms_key_arn        = module.kms.key_arn
  tags               = local.tags
}

# the runners of this environment's deploy job, in the cluster's VPC: its endpoint is private
module "deploy_runner" {
  source                    = "../../modules/deploy-runner"
  name                      = "paystream-prod-deploy"
  github_repository         = var.github_repository
  github_connection_arn     = var.github_connection_arn
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  cluster_security_group_id = module.runtime.cluster_security_group_id
  tags                      = local.tags
}

output "github_connection_arn" {
  value = module.deploy_runner.github_connection_arn
}

module "identity" {
  source            = "../../modules/identity"
  project           = "paystream"
  deployables       = ["accounts", "ledger", "transfers", "notifications"]
  secrets           = local.secrets
  secret_arns       = module.secrets.arns
  kms_key_arn       = module.kms.key_arn
  namespace         = "paystream-prod"
  oidc_provider_arn = module.runtime.oidc_provider_arn
  oidc_issuer       = module.runtime.oidc_issuer
  tags              = local.tags
}

module "dns" {
  source = "../../modules/dns"
  zone   = "internal.example"
  vpc_id = module.network.vpc_id
  records = {
    "accounts-db" = module.database_accounts.address
    "ledger-db" = module.database_ledger.address
    "transfers-db" = module.database_transfers.address
    "notifications-db" = module.database_notifications.address
    "redis" = module.cache.address
    "kafka" = module.broker.address
  }
  tags = local.tags
}

# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source                   = "../../modules/ci-identity"
  name                     = local.name
  project                  = "paystream"
  github_repository        = var.github_repository
  github_oidc_provider_arn = var.github_oidc_provider_arn
  subjects                 = {
    push   = { context = "ref:refs/heads/main", workflow = ".github/workflows/ci.yaml@refs/heads/main" }
    deploy = { context = "environment:prod", workflow = ".github/workflows/deploy.yaml@refs/heads/main" }
  }
  repository_arns          = values(module.registry.arns)
  cluster_name             = module.runtime.cluster_name
  namespace                = "paystream-prod"
  kubernetes_group         = "paystream-deploy"
  tags                     = local.tags
}

output "push_role_arn" {
  value = module.ci_identity.push_role_arn
}

output "deploy_role_arn" {
  value = module.ci_identity.deploy_role_arn
}

output "github_oidc_provider_arn" {
  value = module.ci_identity.github_oidc_provider_arn
}

# The databases' ARNs, which the second region's root (prod-warm-standby) replicates (its variable primary_databases)
output "database_arns" {
  value = {
    "accounts-db" = module.database_accounts.arn
    "ledger-db" = module.database_ledger.arn
    "transfers-db" = module.database_transfers.arn
    "notifications-db" = module.database_notifications.arn
  }
}
