# The staging environment of clinic on AWS: the root module that `tofu apply` (or
# `terraform apply`) runs in this folder. Sizes: the smallest of each kind; production is sized from CAPACITY.md.
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
  default = "eu-west-1"
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
  name = "clinic-staging"
  tags = {
    project     = "clinic"
    service     = "shared"
    environment = "staging"
    cost-centre = "unassigned"
  }
  secrets = {
    "clinic-staging/clinic" = "clinic"
  }
}

module "network" {
  source = "../../modules/network"
  name   = local.name
  cidr   = "10.20.0.0/16"
  tags   = local.tags
}

module "kms" {
  source = "../../modules/kms"
  name   = local.name
  tags   = local.tags
}

# the smallest size: staging is not sized from CAPACITY.md
module "database_clinic" {
  source                = "../../modules/database"
  name                  = "clinic-staging-clinic-db"
  engine                = "postgres"
  engine_version        = "16"
  instance_class        = "db.t4g.medium"
  allocated_storage     = 20
  max_allocated_storage = 40
  multi_az              = false
  read_replicas         = 0
  backup_retention_days = 7
  db_name               = "clinic"
  port                  = 5432
  deletion_protection   = false
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "clinic" })
}

# the smallest size
module "cache" {
  source       = "../../modules/cache"
  name         = "${local.name}-redis"
  node_type    = "cache.t4g.small"
  nodes        = 1
  failover     = false
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
  project     = "clinic"
  namespace   = "clinic-staging"
  deployables = ["clinic"]
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "runtime" {
  source            = "../../modules/runtime-managed-containers"
  project           = "clinic"
  namespace         = "clinic-staging"
  cluster           = "clinic-staging"
  deployables       = ["clinic"]
  port              = 8080
  health_path       = "/health/ready"
  descriptors       = "${path.root}/../../../deploy/ecs/prod-eu"
  task_role_arns    = module.identity.role_arns
  repository_urls   = module.registry.urls
  secret_arns       = { for key, deployable in local.secrets : deployable => module.secrets.arns[key] }
  log_days          = 7
  cpu_target        = 70
  vpc_id            = module.network.vpc_id
  allowed_cidr      = module.network.cidr
  subnet_ids        = module.network.private_subnet_ids
  kms_key_arn       = module.kms.key_arn
  public            = ["clinic"]
  certificate_arn   = var.certificate_arn
  public_subnet_ids = module.network.public_subnet_ids
  # load balancing names are unique per account and region, which the roots may share (each root's names but prod's end in the root's name)
  load_balancer     = "clinic-public-staging"
  target_groups     = {
    "clinic" = "clinic-staging"
  }
  routes = {
    "clinic|/patients" = { service = "clinic", path = "/patients", priority = 10 }
    "clinic|/appointments" = { service = "clinic", path = "/appointments", priority = 20 }
  }
  # the fewest and most tasks of each service: fewer than production on purpose
  scaling = {
    "clinic" = { min = 2, max = 5 }
  }
  # IAM names are unique in the AWS account, which the roots may share (each root's roles end in its name)
  name_suffix = "-staging"
  tags = local.tags
}

module "identity" {
  source            = "../../modules/identity"
  project           = "clinic"
  deployables       = ["clinic"]
  secrets           = local.secrets
  secret_arns       = module.secrets.arns
  kms_key_arn       = module.kms.key_arn
  # IAM names are unique in the AWS account, which the roots may share (each root's roles end in its name)
  name_suffix       = "-staging"
  tags              = local.tags
}

module "dns" {
  source = "../../modules/dns"
  zone   = "internal.example"
  vpc_id = module.network.vpc_id
  records = {
    "clinic-db" = module.database_clinic.address
    "redis" = module.cache.address
  }
  tags = local.tags
}

# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source                   = "../../modules/ci-identity"
  name                     = local.name
  project                  = "clinic"
  github_repository        = var.github_repository
  github_oidc_provider_arn = var.github_oidc_provider_arn
  subjects                 = {
    push   = { context = "ref:refs/heads/main", workflow = ".github/workflows/ci.yaml@refs/heads/main" }
    deploy = { context = "environment:staging", workflow = ".github/workflows/deploy.yaml@refs/heads/main" }
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
