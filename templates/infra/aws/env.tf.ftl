<#-- infra/envs/<env>/main.tf (AWS). Model: EnvView. -->
# The [=model.env] environment of [=model.project] on AWS: the root module that `tofu apply` (or
# `terraform apply`) runs in this folder. Sizes: [=(model.production())?then("from CAPACITY.md and the decisions (each formula below)", "the smallest of each kind; production is sized from CAPACITY.md")].
<#if model.cell?has_content>
# Under dataResidency this root builds the [=model.cell] cell alone: its databases and keys are created
# in [=model.region], a region of the cell (CAPACITY.md, "Cells"), their backups there and in the
# cell's recovery region<#if model.backupRegion()?has_content> ([=model.backupRegion()])</#if>, and nowhere else.
</#if>
<#if model.secondRegion()>
# backup-dr is [=model.second.mode]: this root builds production's second region in [=model.region]<#if model.second.warm()>,
# a warm standby promoted on disaster<#else>, serving beside [=model.second.primaryRegion]</#if>.
# Its databases are cross-region replicas of infra/envs/[=model.second.primaryRoot()]'s (in [=model.second.primaryRegion]); everything else is its own.
</#if>
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
  default = "[=model.region]"
}

variable "[=model.ci().repositoryVariable()]" {
  type        = string
  description = "<owner>/<name> of the GitHub repository whose workflows may push and deploy as this root's CI identities"
  validation {
    condition     = can(regex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", var.[=model.ci().repositoryVariable()]))
    error_message = "github_repository is <owner>/<name>, as in https://github.com/<owner>/<name>."
  }
}
<#if model.cluster??>

variable "[=model.cluster.adminsVariable()]" {
  type        = list(string)
  description = "the IAM principals (role or user ARNs) that administer the cluster: cluster admin (AmazonEKSClusterAdminPolicy), install the External Secrets Operator"
  validation {
    condition     = length(var.[=model.cluster.adminsVariable()]) > 0
    error_message = "name who administers the cluster: nobody else may install its operators or change it cluster-wide"
  }
}
</#if>

variable "github_oidc_provider_arn" {
  type        = string
  default     = ""
  description = "GitHub's OpenID Connect provider when another root in this AWS account created it (its output github_oidc_provider_arn); empty to create it here"
}
<#if model.cluster??>

variable "github_connection_arn" {
  type        = string
  default     = ""
  description = "the CodeConnections connection to GitHub when another root in this AWS account created it (its output github_connection_arn); empty to create it here"
}
</#if>
<#if model.secondRegion()>

variable "[=model.second.primariesVariable()]" {
  type        = map(string)
  description = "the ARN of each production database, by endpoint: infra/envs/[=model.second.primaryRoot()]'s output database_arns (TF_VAR_[=model.second.primariesVariable()]=\"$(tofu -chdir=../[=model.second.primaryRoot()] output -json database_arns)\"; the roots keep no shared state to read it from)"
}

variable "[=model.second.promotedVariable()]" {
  type        = bool
  default     = false
  description = "true promotes the replicas to writable primaries: the failover of RUNBOOK.md"
}
</#if>
<#if model.cache??>

variable "cache_auth_token" {
  type        = string
  sensitive   = true
  description = "the CACHE_PASSWORD of the secret entries; pass it as TF_VAR_cache_auth_token"
}
</#if>
<#if model.broker?? && model.broker.technology == "rabbitmq">

variable "broker_admin_password" {
  type        = string
  sensitive   = true
  description = "the RabbitMQ administrator's password; pass it as TF_VAR_broker_admin_password"
}
</#if>
<#if (model.managedContainers || model.machines?has_content) && model.publicDeployables()?has_content>

variable "certificate_arn" {
  type        = string
  description = "the ACM certificate of the public host name, for the load balancer's HTTPS listener"
}
</#if>
<#if model.failover()?has_content>

variable "[=model.publicHost.zoneVariable()]" {
  type        = string
  default     = ""
  description = "the ID of the team's Route 53 hosted zone of [=model.publicHost.name]: set, this root adds its record of that name there (infra/README.md); empty, none"
}
</#if>
<#if model.external?has_content>

variable "external_endpoints" {
  type        = map(string)
  description = "the address of each data store no managed offering here provides: [=model.external?join(", ")]"
}
</#if>

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

locals {
  name = "[=model.project]-[=model.env]"
  tags = {
    project     = "[=model.project]"
    service     = "shared"
    environment = "[=model.tier]"
<#if model.cell?has_content>
    cell        = "[=model.cell]"
</#if>
    cost-centre = [=model.costCentre]
  }
  secrets = {
<#list model.secrets as s>
    "[=s.key]" = "[=s.deployable]"
</#list>
  }
}

module "network" {
  source = "../../modules/network"
  name   = local.name
  cidr   = "[=model.cidr]"
  tags   = local.tags
}

module "kms" {
  source = "../../modules/kms"
  name   = local.name
  tags   = local.tags
}
<#list model.databases as d>

# [=d.sizing]
<#if model.secondRegion()>
module "database_[=d.key?replace("-", "_")]" {
  source                = "../../modules/database-replica"
  name                  = "[=model.project]-[=model.env]-[=d.name]"
  source_arn            = var.[=model.second.primariesVariable()]["[=d.name]"]
  promoted              = var.[=model.second.promotedVariable()]
  instance_class        = "[=d.instance]"
  multi_az              = [=d.standby?c]
  backup_retention_days = [=d.backupDays?c]
  port                  = [=d.port?c]
  deletion_protection   = true
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "[=d.key]" })
}
<#else>
module "database_[=d.key?replace("-", "_")]" {
  source                = "../../modules/database"
  name                  = "[=model.project]-[=model.env]-[=d.name]"
  engine                = "[=(d.engine == "mysql")?then("mysql", "postgres")]"
  engine_version        = "[=d.version]"
  instance_class        = "[=d.instance]"
  allocated_storage     = [=d.storageGb?c]
  max_allocated_storage = [=d.maxStorageGb?c]
  multi_az              = [=d.standby?c]
  read_replicas         = [=d.replicas?c]
  backup_retention_days = [=d.backupDays?c]
<#if d.backupRegion?has_content>
  # the backups' copy in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region         = "[=d.backupRegion]"
</#if>
  db_name               = "[=d.dbName]"
  port                  = [=d.port?c]
  deletion_protection   = [=(model.production())?c]
  kms_key_arn           = module.kms.key_arn
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr          = module.network.cidr
  tags                  = merge(local.tags, { service = "[=d.key]" })
}
</#if>
</#list>
<#if model.backup??>

# the DynamoDB tables of db/<service>/dynamodb.json: a daily AWS Backup kept [=model.backup.retentionDays?c] days<#if model.backup.copyRegion?has_content>,
# copied to the cell's recovery region (CAPACITY.md, "Cells")</#if>
module "backup" {
  source         = "../../modules/backup"
  name           = local.name
  region         = var.region
  tables         = [<#list model.backup.tables as t>"[=t]"<#sep>, </#sep></#list>]
  retention_days = [=model.backup.retentionDays?c]
<#if model.backup.copyRegion?has_content>
  copy_region    = "[=model.backup.copyRegion]"
</#if>
  kms_key_arn    = module.kms.key_arn
  tags           = local.tags
}
</#if>
<#if model.cache??>

# [=model.cache.sizing]
module "cache" {
  source       = "../../modules/cache"
  name         = "${local.name}-[=model.cache.name]"
  node_type    = "[=model.cache.instance]"
  nodes        = [=model.cache.replica?then(2, 1)?c]
  failover     = [=model.cache.replica?c]
  auth_token   = var.cache_auth_token
  kms_key_arn  = module.kms.key_arn
  vpc_id       = module.network.vpc_id
  subnet_ids   = module.network.private_subnet_ids
  allowed_cidr = module.network.cidr
  tags         = local.tags
}
</#if>
<#if model.broker?? && model.broker.pubsub()>

# [=model.broker.sizing]
module "broker" {
  source      = "../../modules/broker"
  topics      = [<#list model.broker.topics as t>"[=t.name]"<#sep>, </#list>]
  queues      = [<#list model.broker.queues() as q>"[=q]"<#sep>, </#list>]
  kms_key_arn = module.kms.key_arn
  subscriptions = {
<#list model.broker.subscriptions as s>
    "[=s.key]" = { queue = "[=s.name]", topic = "[=s.topic]" }
</#list>
  }
  tags = local.tags
}
<#elseif model.broker??>

# [=model.broker.sizing]
module "broker" {
  source        = "../../modules/broker"
  name          = "${local.name}-[=model.broker.name]"
  instance_type = "[=model.broker.instance]"
  nodes         = [=model.broker.nodes?c]
  storage_gb    = [=model.broker.storageGb?c]
<#if model.broker.technology == "rabbitmq">
  deployment_mode = "[=(model.production())?then("CLUSTER_MULTI_AZ", "SINGLE_INSTANCE")]"
  admin_password  = var.broker_admin_password
  subnet_ids      = [=(model.production())?then("module.network.private_subnet_ids", "[module.network.private_subnet_ids[0]]")]
<#else>
  subnet_ids    = module.network.private_subnet_ids
</#if>
  kms_key_arn   = module.kms.key_arn
  vpc_id        = module.network.vpc_id
  allowed_cidr  = module.network.cidr
  tags          = local.tags
}
</#if>

module "secrets" {
  source      = "../../modules/secrets"
  secrets     = local.secrets
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}

module "registry" {
  source      = "../../modules/registry"
  project     = "[=model.project]"
  namespace   = "[=model.namespace()]"
  deployables = [<#list model.deployables as d>"[=d]"<#sep>, </#list>]
  kms_key_arn = module.kms.key_arn
  tags        = local.tags
}
<#if model.cluster??>

# [=model.cluster.sizing]
module "runtime" {
  source             = "../../modules/runtime-kubernetes"
  admins             = var.[=model.cluster.adminsVariable()]
  name               = "[=model.cluster.name]"
  kubernetes_version = "1.33"
  node_type          = "[=model.cluster.nodeType]"
  min_nodes          = [=model.cluster.minNodes?c]
  max_nodes          = [=model.cluster.maxNodes?c]
  subnet_ids         = module.network.private_subnet_ids
  kms_key_arn        = module.kms.key_arn
  tags               = local.tags
}

# the runners of this environment's deploy job, in the cluster's VPC: its endpoint is private
module "deploy_runner" {
  source                    = "../../modules/deploy-runner"
  name                      = "[=model.deployRunner()]"
  github_repository         = var.[=model.ci().repositoryVariable()]
  github_connection_arn     = var.github_connection_arn
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  cluster_security_group_id = module.runtime.cluster_security_group_id
  tags                      = local.tags
}

output "github_connection_arn" {
  value = module.deploy_runner.github_connection_arn
}
</#if>
<#if model.managedContainers>

module "runtime" {
  source            = "../../modules/runtime-managed-containers"
  project           = "[=model.project]"
  namespace         = "[=model.namespace()]"
  cluster           = "[=model.ecsCluster()]"
  deployables       = [<#list model.deployables as d>"[=d]"<#sep>, </#list>]
  port              = [=model.port?c]
  health_path       = "[=model.healthPath]"
  descriptors       = "${path.root}/../../../deploy/ecs[=model.deployFolder()]"
  task_role_arns    = module.identity.role_arns
  repository_urls   = module.registry.urls
  secret_arns       = { for key, deployable in local.secrets : deployable => module.secrets.arns[key] }
  log_days          = [=model.production()?then(30, 7)?c]
  cpu_target        = [=model.cpuTargetPercent?c]
  vpc_id            = module.network.vpc_id
  allowed_cidr      = module.network.cidr
  subnet_ids        = module.network.private_subnet_ids
  kms_key_arn       = module.kms.key_arn
<#if model.publicDeployables()?has_content>
  public            = [<#list model.publicDeployables() as d>"[=d]"<#sep>, </#list>]
  certificate_arn   = var.certificate_arn
  public_subnet_ids = module.network.public_subnet_ids
  # load balancing names are unique per account and region, which the roots may share (each root's names but prod's end in the root's name)
  load_balancer     = "[=model.loadBalancing().external]"
  target_groups     = {
<#list model.loadBalancing().externalGroups as g>
    "[=g.key]" = "[=g.name]"
</#list>
  }
  routes = {
<#list model.routes as r>
    "[=r.key]" = { service = "[=r.deployable]", path = "[=r.path]", priority = [=r.priority?c] }
</#list>
  }
</#if>
  # the fewest and most tasks of each service: [=model.production()?then("the availability target's replica floor and CAPACITY.md's maximum", "fewer than production on purpose")]
  scaling = {
<#list model.scaling as s>
    "[=s.deployable]" = { min = [=s.min?c], max = [=s.max?c] }
</#list>
  }
<#if model.roleSuffix()?has_content>
  # IAM names are unique in the AWS account, which the roots may share (each root's roles end in its name)
  name_suffix = "[=model.roleSuffix()]"
</#if>
  tags = local.tags
}
</#if>

<#if model.machines?has_content>
module "runtime" {
  source    = "../../modules/runtime-vm"
  project   = "[=model.project]"
  namespace = "[=model.namespace()]"
  machines  = {
<#list model.machines as m>
    # [=m.sizing]
    "[=m.name]" = { type = "[=m.type]", min = [=m.min?c], max = [=m.max?c] }
</#list>
  }
  zone         = "[=model.zone]"
  port         = [=model.port?c]
  health_path  = "[=model.healthPath]"
  user_data    = "${path.root}/../../../deploy/vm[=model.deployFolder()]"
  role_arns    = module.identity.role_arns
  log_days     = [=model.production()?then(30, 7)?c]
  vpc_id       = module.network.vpc_id
  allowed_cidr = module.network.cidr
  subnet_ids   = module.network.private_subnet_ids
  kms_key_arn  = module.kms.key_arn
  internal_load_balancer = "[=model.loadBalancing().internal]"
  internal_target_groups = {
<#list model.loadBalancing().internalGroups as g>
    "[=g.key]" = "[=g.name]"
</#list>
  }
<#if model.publicDeployables()?has_content>
  public            = [<#list model.publicDeployables() as d>"[=d]"<#sep>, </#list>]
  certificate_arn   = var.certificate_arn
  public_subnet_ids = module.network.public_subnet_ids
  # load balancing names are unique per account and region, which the roots may share (each root's names but prod's end in the root's name)
  load_balancer     = "[=model.loadBalancing().external]"
  target_groups     = {
<#list model.loadBalancing().externalGroups as g>
    "[=g.key]" = "[=g.name]"
</#list>
  }
  routes = {
<#list model.routes as r>
    "[=r.key]" = { service = "[=r.deployable]", path = "[=r.path]", priority = [=r.priority?c] }
</#list>
  }
</#if>
<#if model.roleSuffix()?has_content>
  # IAM names are unique in the AWS account, which the roots may share (each root's roles end in its name)
  name_suffix = "[=model.roleSuffix()]"
</#if>
  tags = local.tags
}

</#if>
module "identity" {
  source            = "../../modules/identity"
  project           = "[=model.project]"
  deployables       = [<#list model.deployables as d>"[=d]"<#sep>, </#list>]
  secrets           = local.secrets
  secret_arns       = module.secrets.arns
  kms_key_arn       = module.kms.key_arn
<#if model.cluster??>
  namespace         = "[=model.project]-[=model.tier]"
  oidc_provider_arn = module.runtime.oidc_provider_arn
  oidc_issuer       = module.runtime.oidc_issuer
</#if>
<#if model.roleSuffix()?has_content>
  # IAM names are unique in the AWS account, which the roots may share (each root's roles end in its name)
  name_suffix       = "[=model.roleSuffix()]"
</#if>
  tags              = local.tags
}

module "dns" {
  source = "../../modules/dns"
  zone   = "[=model.zone]"
  vpc_id = module.network.vpc_id
  records = {
<#list model.databases as d>
    "[=d.name]" = module.database_[=d.key?replace("-", "_")].address
</#list>
<#if model.cache??>
    "[=model.cache.name]" = module.cache.address
</#if>
<#if model.broker?? && !model.broker.pubsub()>
    "[=model.broker.name]" = module.broker.address
</#if>
<#list model.external as e>
    "[=e]" = var.external_endpoints["[=e]"]
</#list>
<#list model.machines as m>
    "[=m.name]" = module.runtime.internal_address
</#list>
  }
  tags = local.tags
}

<#if model.sam()>
# the bucket the SAM deploy job uploads the stack's template to (sam deploy --s3-bucket <prefix>-<account id>)
module "sam_artifacts" {
  source        = "../../modules/sam-artifacts"
  bucket_prefix = "[=model.samArtifacts()]"
  kms_key_arn   = module.kms.key_arn
  tags          = local.tags
}

</#if>
# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source                   = "../../modules/ci-identity"
  name                     = local.name
  project                  = "[=model.project]"
  github_repository        = var.[=model.ci().repositoryVariable()]
  github_oidc_provider_arn = var.github_oidc_provider_arn
  subjects                 = {
    push   = { context = "[=model.ci().context("push")]", workflow = "[=model.ci().workflow("push")]" }
    deploy = { context = "[=model.ci().context("deploy")]", workflow = "[=model.ci().workflow("deploy")]" }
  }
  repository_arns          = values(module.registry.arns)
<#if model.cluster??>
  cluster_name             = module.runtime.cluster_name
  namespace                = "[=model.project]-[=model.tier]"
  kubernetes_group         = "[=model.cluster.deployGroup(model.project)]"
<#elseif model.managedContainers>
  cluster_name             = module.runtime.cluster_name
  pass_role_arns           = concat(values(module.identity.role_arns), values(module.runtime.execution_role_arns))
<#elseif model.machines?has_content>
  pass_role_arns           = values(module.identity.role_arns)
<#elseif model.runtime == "serverless">
  stack                    = local.name
  artifacts_bucket_arn     = module.sam_artifacts.arn
  artifacts_key_arn        = module.kms.key_arn
  functions = {
<#list model.ci().lambdas() as l>
    "[=l.function]" = "[=l.rolePrefix]"
</#list>
  }
</#if>
  tags                     = local.tags
}
<#list model.ci().outputs() as o>

output "[=o]" {
  value = module.ci_identity.[=o]
}
</#list>

output "github_oidc_provider_arn" {
  value = module.ci_identity.github_oidc_provider_arn
}
<#if model.failover()?has_content>

<#if model.failover() == "LATENCY">
# [=model.publicHost.name] answers with the serving region nearest the client whose load balancer has healthy
# targets (Route 53 latency records, one per root, evaluating each load balancer's target groups, which check
# [=model.healthPath]): a region that loses its targets stops being answered
<#else>
# [=model.publicHost.name] answers with prod's load balancer while its target groups (which check [=model.healthPath])
# have healthy targets, else with the standby's: a Route 53 failover pair, PRIMARY in envs/[=model.second.primaryRoot()],
# SECONDARY in envs/[=model.second.root]
</#if>
resource "aws_route53_record" "public" {
  count          = var.[=model.publicHost.zoneVariable()] == "" ? 0 : 1
  zone_id        = var.[=model.publicHost.zoneVariable()]
  name           = "[=model.publicHost.name]"
  type           = "A"
  set_identifier = "[=model.env]"
<#if model.failover() == "LATENCY">
  latency_routing_policy {
    region = var.region
  }
<#else>
  failover_routing_policy {
    type = "[=model.failover()]"
  }
</#if>
  alias {
    name                   = module.runtime.load_balancer_dns_name
    zone_id                = module.runtime.load_balancer_zone_id
    evaluate_target_health = true
  }
}
</#if>
<#if model.second?? && !model.secondRegion() && model.databases?has_content>

# The databases' ARNs, which the second region's root ([=model.second.root]) replicates (its variable [=model.second.primariesVariable()])
output "database_arns" {
  value = {
<#list model.databases as d>
    "[=d.name]" = module.database_[=d.key?replace("-", "_")].arn
</#list>
  }
}
</#if>
