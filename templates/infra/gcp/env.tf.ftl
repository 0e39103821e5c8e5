<#-- infra/envs/<env>/main.tf (GCP). Model: EnvView. -->
<#assign second = model.secondRegion()>
<#-- the second region's root runs as production's service accounts: a Google Cloud project's are global -->
<#assign emails = second?then("local.service_accounts", "module.identity.emails")>
<#assign members = second?then("local.service_account_members", "module.identity.members")>
# The [=model.env] environment of [=model.project] on Google Cloud: the root module that `tofu apply`
# (or `terraform apply`) runs in this folder. Sizes: [=(model.production())?then("from CAPACITY.md and the decisions (each formula below)", "the smallest of each kind; production is sized from CAPACITY.md")].
<#if model.cell?has_content>
# Under dataResidency this root builds the [=model.cell] cell alone: its databases and keys are created
# in [=model.region], a region of the cell (CAPACITY.md, "Cells"), their backups there and in the
# cell's recovery region<#if model.backupRegion()?has_content> ([=model.backupRegion()])</#if>, and nowhere else.
</#if>
<#if second>
# backup-dr is [=model.second.mode]: this root builds production's second region in [=model.region]<#if model.second.warm()>,
# a warm standby promoted on disaster<#else>, serving beside [=model.second.primaryRegion]</#if>, in production's Google Cloud project:
# Cloud SQL keeps a replica in its primary's project. Its databases are cross-region replicas of
# infra/envs/[=model.second.primaryRoot()]'s (in [=model.second.primaryRegion]) on production's VPC network, which is global; the project's
# global resources are production's and serve both regions: service accounts, secret entries (kept in
# this region too), Pub/Sub topics and the private DNS zone. The rest is this root's own.
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
  description = "<#if second>production's Google Cloud project (infra/envs/[=model.second.primaryRoot()]'s project_id), where Cloud SQL keeps the replicas<#else>the Google Cloud project of this environment</#if>"
}
<#if second>

variable "network_id" {
  type        = string
  description = "production's VPC network: infra/envs/[=model.second.primaryRoot()]'s output network_id"
}

variable "[=model.second.primariesVariable()]" {
  type        = map(string)
  description = "the instance name of each production database, by endpoint: infra/envs/[=model.second.primaryRoot()]'s output database_names (TF_VAR_[=model.second.primariesVariable()]=\"$(tofu -chdir=../[=model.second.primaryRoot()] output -json database_names)\"; the roots keep no shared state to read it from)"
}

variable "[=model.second.promotedVariable()]" {
  type        = bool
  default     = false
  description = "true promotes the replicas to standalone instances: the failover of RUNBOOK.md"
}
</#if>

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
<#if model.external?has_content && !second>

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
<#if second>
  # the project's global resources are the ones production's root creates: service accounts, secret
  # entries, Pub/Sub topics and the private zone whose records the services here resolve
  global_resources = "[=model.second.primaryRoot()]"
<#else>
  secrets = {
<#list model.secrets as s>
    "[=s.key]" = "[=s.deployable]"
</#list>
  }
</#if>
<#if second>
  # production's service accounts (its module identity), by deployable
  service_accounts = {
<#list model.deployables as d>
    "[=d]" = "[=model.serviceAccountId(d)]@${var.project_id}.iam.gserviceaccount.com"
</#list>
  }
  service_account_members = { for name, email in local.service_accounts : name => format("serviceAccount:%s", email) }
</#if>
}

<#if second>
# this region's subnet of production's network
module "network" {
  source     = "../../modules/network-region"
  name       = local.name
  region     = var.region
  network_id = var.network_id
  cidr       = "[=model.cidr]"
}
<#else>
module "network" {
  source = "../../modules/network"
  name   = local.name
  region = var.region
  cidr   = "[=model.cidr]"
  labels = local.labels
}
</#if>

module "kms" {
  source = "../../modules/kms"
  name   = local.name
  region = var.region
  labels = local.labels
}
<#if model.second?? && !second && model.secrets?has_content>

# a key in the second region ([=model.second.region]), for the secret entries' copies there
module "kms_second_region" {
  source = "../../modules/kms"
  name   = local.name
  region = "[=model.second.region]"
  labels = local.labels
}
</#if>
<#list model.databases as d>

# [=d.sizing]
<#if second>
module "database_[=d.key?replace("-", "_")]" {
  source                 = "../../modules/database-replica"
  name                   = "[=model.project]-[=model.env]-[=d.name]"
  region                 = var.region
  master_instance_name   = var.[=model.second.primariesVariable()]["[=d.name]"]
  promoted               = var.[=model.second.promotedVariable()]
  database_version       = "[=(d.engine == "mysql")?then("MYSQL_8_0", "POSTGRES_16")]"
  tier                   = "[=d.instance]"
  disk_size_gb           = [=d.storageGb?c]
  max_disk_size_gb       = [=d.maxStorageGb?c]
  availability_type      = "[=d.standby?then("REGIONAL", "ZONAL")]"
  backup_retention_days  = [=d.backupDays?c]
  point_in_time_recovery = [=d.pitr?c]
  deletion_protection    = true
  # a key of this region: a cross-region replica is encrypted in its own region
  kms_key_id             = module.kms.key_id
  network_id             = var.network_id
  labels                 = merge(local.labels, { service = "[=d.key]" })
}
<#else>
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
</#if>
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
<#if second && model.broker?? && model.broker.pubsub()>

# Pub/Sub is global: production's topics and subscriptions (infra/envs/[=model.second.primaryRoot()]) serve this region too
<#elseif model.broker?? && model.broker.pubsub()>
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
    "[=s.name]" = { endpoint = "[=s.pushEndpoint]", service_account = [=emails]["[=s.pushDeployable]"] }
</#list>
  }
  # the identities that sign the pushes, by deployable
  push_identities = {
<#list model.broker.pushedDeployables() as d>
    "[=d]" = [=emails]["[=d]"]
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
  source       = "../../modules/broker"
  name         = "${local.name}-[=model.broker.name]"
  region       = var.region
  vcpu_count   = [=model.broker.vcpu?c]
  memory_bytes = [=model.broker.memoryBytes?c]
  subnet_id    = module.network.subnet_id
  kms_key_id   = module.kms.key_id
  topics = {
<#list model.broker.topics as t>
    "[=t.name]" = [=t.partitions?c]
</#list>
  }
  labels = local.labels
}
</#if>
<#if !second>

module "secrets" {
  source     = "../../modules/secrets"
  secrets    = local.secrets
  region     = var.region
  kms_key_id = module.kms.key_id
<#if model.second?? && model.secrets?has_content>
  # kept in the second region too, so that its standby reads them while [=model.region] is down
  replica_region     = "[=model.second.region]"
  replica_kms_key_id = module.kms_second_region.key_id
</#if>
  labels     = local.labels
}
</#if>

module "registry" {
  source     = "../../modules/registry"
  project    = "[=model.project]"
  region     = var.region
  kms_key_id = module.kms.key_id
  # who pulls the images: each deployable's service account<#if model.cluster??>, and the cluster's nodes</#if>
  readers    = [=members]
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
  user_data        = "${path.root}/../../../deploy/vm[=model.deployFolder()]"
  service_accounts = [=emails]
  network_id       = module.network.network_id
  subnet_id        = module.network.subnet_id
  allowed_cidr     = "[=model.cidr]"
<#if second>
  # health checks, firewall rules and the public load balancer are global: production's hold the plain names
  name_suffix      = "-[=model.region]"
</#if>
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
<#if !second>

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
</#if>

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
  account_ids         = { push = "[=model.ci().accountId("push")]", deploy = "[=model.ci().accountId("deploy")]" }
  region              = var.region
  registry_repository = module.registry.repository
<#if !model.cluster?? && (model.managedContainers || model.machines?has_content)>
  runtime_accounts    = [=emails]
</#if>
}
<#list model.ci().outputs() as o>

output "[=o]" {
  value = <#if o == "project_id">var.project_id<#else>module.ci_identity.[=o]</#if>
}
</#list>
<#if model.second?? && !second>

# production's network, which the second region's root ([=model.second.root]) adds its subnet to (its variable network_id)
output "network_id" {
  value = module.network.network_id
}
<#if model.databases?has_content>

# The databases' instance names, which the second region's root replicates (its variable [=model.second.primariesVariable()])
output "database_names" {
  value = {
<#list model.databases as d>
    "[=d.name]" = "[=model.project]-[=model.env]-[=d.name]"
</#list>
  }
}
</#if>
</#if>
<#if second>

# the private addresses of this root's data stores, by their name in production's private zone
# ([=model.zone]), which serves both regions: RUNBOOK.md points each record here on failover
output "records" {
  value = {
<#list model.databases as d>
    "[=d.name]" = { type = "A", value = module.database_[=d.key?replace("-", "_")].address }
</#list>
<#if model.cache??>
    "[=model.cache.name]" = { type = "A", value = module.cache.address }
</#if>
<#if model.broker?? && !model.broker.pubsub()>
    "[=model.broker.name]" = { type = "CNAME", value = "${module.broker.address}." }
</#if>
<#list model.machines?filter(m -> m.called) as m>
    "[=m.name]" = { type = "A", value = module.runtime.internal_addresses["[=m.name]"] }
</#list>
  }
}
</#if>
