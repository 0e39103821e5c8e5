# The prod environment of rides on AWS: the root module that `tofu apply` (or
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

variable "github_oidc_provider_arn" {
  type        = string
  default     = ""
  description = "GitHub's OpenID Connect provider when another root in this AWS account created it (its output github_oidc_provider_arn); empty to create it here"
}

variable "cache_auth_token" {
  type        = string
  sensitive   = true
  description = "the CACHE_PASSWORD of the secret entries; pass it as TF_VAR_cache_auth_token"
}

variable "certificate_arn" {
  type        = string
  description = "the ACM certificate of the public host name, for the load balancer's HTTPS listener"
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

locals {
  name = "rides-prod"
  tags = {
    project     = "rides"
    service     = "shared"
    environment = "prod"
    cost-centre = "unassigned"
  }
  secrets = {
    "rides/rides" = "rides"
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

# 4 vCPU = smallest of [2, 4, 8, 16, 32, 64] with vCPU × 100 ≥ 240 connections (rides.dbConnections) and vCPU × 500 ≥ 500 requests/s (writes); storage 69 GB = provisionedGb36 69 × 1 (its share of the entities); read replicas 1 = min(5, max(1, ceil(400 uncached reads/s / (4 vCPU × 500))))
module "database_rides" {
  source                = "../../modules/database"
  name                  = "rides-prod-rides-db"
  engine                = "postgres"
  engine_version        = "16"
  instance_class        = "db.m7g.xlarge"
  allocated_storage     = 69
  max_allocated_storage = 138
  multi_az              = true
  read_replicas         = 1
  backup_retention_days = 35
  # the backups' copy in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region         = "us-west-2"
  db_name               = "rides"
  port                  = 5432
  deletion_protection   = true
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "rides" })
}

# memory 2 GB = ceil(cacheGb 1.1); a replica in another zone from availability 99.95 %
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

module "secrets" {
  source      = "../../modules/secrets"
  secrets     = local.secrets
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "registry" {
  source      = "../../modules/registry"
  project     = "rides"
  namespace   = "rides"
  deployables = ["rides"]
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "runtime" {
  source            = "../../modules/runtime-managed-containers"
  project           = "rides"
  namespace         = "rides"
  cluster           = "rides"
  deployables       = ["rides"]
  port              = 8080
  health_path       = "/health/ready"
  descriptors       = "${path.root}/../../../deploy/ecs"
  task_role_arns    = module.identity.role_arns
  repository_urls   = module.registry.urls
  secret_arns       = { for key, deployable in local.secrets : deployable => module.secrets.arns[key] }
  log_days          = 30
  cpu_target        = 70
  vpc_id            = module.network.vpc_id
  allowed_cidr      = module.network.cidr
  subnet_ids        = module.network.private_subnet_ids
  kms_key_arn       = module.kms.key_arn
  public            = ["rides"]
  certificate_arn   = var.certificate_arn
  public_subnet_ids = module.network.public_subnet_ids
  # load balancing names are unique per account and region, which the roots may share (each root's names but prod's end in the root's name)
  load_balancer     = "rides-public"
  target_groups     = {
    "rides" = "rides"
  }
  routes = {
    "rides|/trips" = { service = "rides", path = "/trips", priority = 10 }
    "rides|/payments" = { service = "rides", path = "/payments", priority = 20 }
  }
  # the fewest and most tasks of each service: the availability target's replica floor and CAPACITY.md's maximum
  scaling = {
    "rides" = { min = 2, max = 24 }
  }
  tags = local.tags
}

module "identity" {
  source            = "../../modules/identity"
  project           = "rides"
  deployables       = ["rides"]
  secrets           = local.secrets
  secret_arns       = module.secrets.arns
  kms_key_arn       = module.kms.key_arn
  tags              = local.tags
}

module "dns" {
  source = "../../modules/dns"
  zone   = "internal.example"
  vpc_id = module.network.vpc_id
  records = {
    "rides-db" = module.database_rides.address
    "redis" = module.cache.address
  }
  tags = local.tags
}

# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source                   = "../../modules/ci-identity"
  name                     = local.name
  project                  = "rides"
  github_repository        = var.github_repository
  github_oidc_provider_arn = var.github_oidc_provider_arn
  subjects                 = {
    push   = { context = "ref:refs/heads/main", workflow = ".github/workflows/ci.yaml@refs/heads/main" }
    deploy = { context = "environment:prod", workflow = ".github/workflows/deploy.yaml@refs/heads/main" }
  }
  repository_arns          = values(module.registry.arns)
  cluster_name             = module.runtime.cluster_name
  pass_role_arns           = concat(values(module.identity.role_arns), values(module.runtime.execution_role_arns))
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
