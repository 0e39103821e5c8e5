<#-- infra/envs/<env>/main.tf (GCP). Model: EnvView. -->
# The [=model.env] environment of [=model.project] on Google Cloud: the root module that `tofu apply`
# (or `terraform apply`) runs in this folder. Sizes: [=(model.production())?then("from CAPACITY.md and the decisions (each formula below)", "the smallest of each kind; production is sized from CAPACITY.md")].
<#if model.cell?has_content>
# Under dataResidency this root builds the [=model.cell] cell alone: its databases and keys are created
# in [=model.region], a region of the cell (CAPACITY.md, "Cells"), their backups there and in the
# cell's recovery region<#if model.backupRegion()?has_content> ([=model.backupRegion()])</#if>, and nowhere else.
</#if>
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

variable "[=model.ci().poolSuffixVariable()]" {
  type        = string
  default     = "1"
  description = "the end of the workload identity pool's id, [=model.ci().pool()]-<this>: a destroyed pool's id stays taken for 30 days, so after a destroy apply with another (or undelete the pool)"
  validation {
    condition     = can(regex("^[a-z0-9]{1,3}$", var.[=model.ci().poolSuffixVariable()]))
    error_message = "ci_pool_suffix is 1 to 3 lowercase letters or digits."
  }
}
<#if model.cluster??>

variable "[=model.cluster.adminsVariable()]" {
  type        = list(string)
  description = "the IAM members (user:, group:, serviceAccount:) that administer the cluster: Kubernetes Engine Admin, install the External Secrets Operator"
  validation {
    condition     = length(var.[=model.cluster.adminsVariable()]) > 0
    error_message = "name who administers the cluster: nobody else may install its operators or change it cluster-wide"
  }
}
</#if>
<#if model.machines?has_content && model.publicDeployables()?has_content>

variable "certificate" {
  type        = string
  description = "the self link of the public host name's SSL certificate, for the load balancer's HTTPS proxy"
}
</#if>
<#if model.external?has_content>

variable "external_endpoints" {
  type        = map(string)
  description = "the address of each data store no managed offering here provides: [=model.external?join(", ")]"
}
</#if>

provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = local.labels
}

locals {
  name = "[=model.project]-[=model.env]"
  labels = {
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
  region = var.region
  cidr   = "[=model.cidr]"
  labels = local.labels
}

module "kms" {
  source = "../../modules/kms"
  name   = local.name
  region = var.region
  labels = local.labels
}
<#list model.databases as d>

# [=d.sizing]
module "database_[=d.key?replace("-", "_")]" {
  source                 = "../../modules/database"
  name                   = "[=model.project]-[=model.env]-[=d.name]"
  region                 = var.region
  database_version       = "[=(d.engine == "mysql")?then("MYSQL_8_0", "POSTGRES_16")]"
  tier                   = "[=d.instance]"
  disk_size_gb           = [=d.storageGb?c]
  max_disk_size_gb       = [=d.maxStorageGb?c]
  availability_type      = "[=d.standby?then("REGIONAL", "ZONAL")]"
  read_replicas          = [=d.replicas?c]
  backup_retention_days  = [=d.backupDays?c]
  point_in_time_recovery = [=d.pitr?c]
<#if d.backupRegion?has_content>
  # the backups are kept in the cell's recovery region (CAPACITY.md, "Cells")
  backup_region          = "[=d.backupRegion]"
</#if>
  db_name                = "[=d.dbName]"
  deletion_protection    = [=(model.production())?c]
  kms_key_id             = module.kms.key_id
  network_id             = module.network.network_id
  labels                 = merge(local.labels, { service = "[=d.key]" })
  depends_on             = [module.network]
}
</#list>
<#if model.cache??>

# [=model.cache.sizing]
module "cache" {
  source     = "../../modules/cache"
  name       = "${local.name}-[=model.cache.name]"
  region     = var.region
  tier       = "[=model.cache.instance]"
  memory_gb  = [=model.cache.memoryGb?c]
  kms_key_id = module.kms.key_id
  network_id = module.network.network_id
  labels     = local.labels
  depends_on = [module.network]
}
</#if>
<#if model.broker?? && model.broker.pubsub()>
<#if model.broker.subscriptions?filter(s -> s.pushEndpoint?has_content)?has_content>

# the project's number: Cloud Run's deterministic service URLs and the Pub/Sub service agent carry it
data "google_project" "this" {
  project_id = var.project_id
}
</#if>

# [=model.broker.sizing]
module "broker" {
  source     = "../../modules/broker"
  topics     = [<#list model.broker.topics as t>"[=t.name]"<#sep>, </#list>]
  kms_key_id = module.kms.key_id
  subscriptions = {
<#list model.broker.subscriptions as s>
    "[=s.name]" = "[=s.topic]"
</#list>
  }
<#if model.broker.subscriptions?filter(s -> s.pushEndpoint?has_content)?has_content>
  push = {
<#list model.broker.subscriptions?filter(s -> s.pushEndpoint?has_content) as s>
    "[=s.name]" = { endpoint = "[=s.pushEndpoint]", service_account = module.identity.emails["[=s.pushDeployable]"] }
</#list>
  }
  # the identities that sign the pushes, by deployable
  push_identities = {
<#list model.broker.pushedDeployables() as d>
    "[=d]" = module.identity.emails["[=d]"]
</#list>
  }
  project_id     = var.project_id
  project_number = data.google_project.this.number
  region         = var.region
</#if>
  labels = local.labels
}
<#elseif model.broker??>

# [=model.broker.sizing]
module "broker" {
  source     = "../../modules/broker"
  name       = "${local.name}-[=model.broker.name]"
  region     = var.region
  vcpu_count = [=(model.production())?then(model.broker.nodes * 2, 3)?c]
  subnet_id  = module.network.subnet_id
  kms_key_id = module.kms.key_id
  topics = {
<#list model.broker.topics as t>
    "[=t.name]" = [=t.partitions?c]
</#list>
  }
  labels = local.labels
}
</#if>

module "secrets" {
  source     = "../../modules/secrets"
  secrets    = local.secrets
  region     = var.region
  kms_key_id = module.kms.key_id
  labels     = local.labels
}

module "registry" {
  source     = "../../modules/registry"
  project    = "[=model.project]"
  region     = var.region
  kms_key_id = module.kms.key_id
  # who pulls the images: each deployable's service account<#if model.cluster??>, and the cluster's nodes</#if>
  readers    = module.identity.members
<#if model.cluster??>
  nodes      = module.runtime.node_service_account
</#if>
  labels     = local.labels
}
<#if model.cluster??>

# [=model.cluster.sizing]
module "runtime" {
  source              = "../../modules/runtime-kubernetes"
  admins              = var.[=model.cluster.adminsVariable()]
  name                = "[=model.cluster.name]"
  region              = var.region
  project_id          = var.project_id
  network_id          = module.network.network_id
  subnet_id           = module.network.subnet_id
  node_type           = "[=model.cluster.nodeType]"
  min_nodes           = [=model.cluster.minNodes?c]
  max_nodes           = [=model.cluster.maxNodes?c]
  kms_key_id          = module.kms.key_id
  deletion_protection = [=(model.production())?c]
  labels              = local.labels
}
<#elseif model.managedContainers>

module "runtime" {
  source        = "../../modules/runtime-managed-containers"
  connector     = "[=model.connector()]"
  region        = var.region
  project_id    = var.project_id
  network_id    = module.network.network_id
  cidr          = "[=model.cidr]"
  min_instances = 2
  max_instances = [=model.production()?then(10, 3)?c]
  labels        = local.labels
}
<#elseif model.machines?has_content>

module "runtime" {
  source     = "../../modules/runtime-vm"
  project    = "[=model.project]"
  project_id = var.project_id
  region     = var.region
  machines = {
<#list model.machines as m>
    # [=m.sizing]
    "[=m.name]" = { type = "[=m.type]", min = [=m.min?c], max = [=m.max?c], called = [=m.called?c] }
</#list>
  }
  port             = [=model.port?c]
  health_path      = "[=model.healthPath]"
  cpu_target       = [=model.cpuTargetPercent?c]
  user_data        = "${path.root}/../../../deploy/vm<#if model.cell?has_content>/prod-[=model.cell]</#if>"
  service_accounts = module.identity.emails
  network_id       = module.network.network_id
  subnet_id        = module.network.subnet_id
  allowed_cidr     = "[=model.cidr]"
<#if model.publicDeployables()?has_content>
  public           = [<#list model.publicDeployables() as d>"[=d]"<#sep>, </#list>]
  certificate      = var.certificate
  routes = {
<#list model.routes as r>
    "[=r.key]" = { service = "[=r.deployable]", path = "[=r.path]", priority = [=r.priority?c] }
</#list>
  }
</#if>
  labels = local.labels
}
</#if>

module "identity" {
  source      = "../../modules/identity"
  project     = "[=model.project]"
  project_id  = var.project_id
  deployables = [<#list model.deployables as d>"[=d]"<#sep>, </#list>]
  secrets     = local.secrets
  namespace   = "[=model.project]-[=model.tier]"
  depends_on  = [module.secrets]
  # each deployable's account id, as its descriptor or ServiceAccount names it
  service_accounts = {
<#list model.deployables as d>
    "[=d]" = "[=model.serviceAccountId(d)]"
</#list>
  }
}

module "dns" {
  source     = "../../modules/dns"
  zone       = "[=model.zone]"
  network_id = module.network.network_id
  records = {
<#list model.databases as d>
    "[=d.name]" = { type = "A", value = module.database_[=d.key?replace("-", "_")].address }
</#list>
<#if model.cache??>
    "[=model.cache.name]" = { type = "A", value = module.cache.address }
</#if>
<#if model.broker?? && !model.broker.pubsub()>
    "[=model.broker.name]" = { type = "CNAME", value = "${module.broker.address}." }
</#if>
<#list model.external as e>
    "[=e]" = { type = "CNAME", value = "${var.external_endpoints["[=e]"]}." }
</#list>
<#list model.machines?filter(m -> m.called) as m>
    "[=m.name]" = { type = "A", value = module.runtime.internal_addresses["[=m.name]"] }
</#list>
  }
  labels = local.labels
}

# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source              = "../../modules/ci-identity"
  project             = "[=model.project]"
  project_id          = var.project_id
  github_repository   = var.[=model.ci().repositoryVariable()]
  pool_id             = "[=model.ci().pool()]-${var.[=model.ci().poolSuffixVariable()]}"
  subjects            = {
    push   = { context = "[=model.ci().context("push")]", workflow = "[=model.ci().workflow("push")]" }
    deploy = { context = "[=model.ci().context("deploy")]", workflow = "[=model.ci().workflow("deploy")]" }
  }
  account_ids         = { push = "[=model.serviceAccountId("ci-push")]", deploy = "[=model.serviceAccountId("ci-deploy")]" }
  region              = var.region
  registry_repository = module.registry.repository
<#if !model.cluster?? && (model.managedContainers || model.machines?has_content)>
  runtime_accounts    = module.identity.emails
</#if>
}
<#list model.ci().outputs() as o>

output "[=o]" {
  value = <#if o == "project_id">var.project_id<#else>module.ci_identity.[=o]</#if>
}
</#list>
