<#-- infra/envs/<env>/main.tf (Azure). Model: EnvView. -->
<#assign mysql = model.databases?has_content && model.databases[0].engine == "mysql">
# The [=model.env] environment of [=model.project] on Azure: the root module that `tofu apply` (or
# `terraform apply`) runs in this folder. Sizes: [=(model.production())?then("from CAPACITY.md and the decisions (each formula below)", "the smallest of each kind; production is sized from CAPACITY.md")].
<#if model.cell?has_content>
# Under dataResidency this root builds the [=model.cell] cell alone: its databases and keys are created
# in [=model.region], a region of the cell (CAPACITY.md, "Cells"), their backups there and in the
# cell's recovery region<#if model.backupRegion()?has_content> ([=model.backupRegion()])</#if>, and nowhere else.
</#if>
<#if model.secondRegion()>
# backup-dr is [=model.second.mode]: this root builds production's second region in [=model.region]<#if model.second.warm()>,
# a warm standby promoted on disaster<#else>, serving beside [=model.second.primaryRegion]</#if>.
# Its databases are geo replicas of infra/envs/[=model.second.primaryRoot()]'s (in [=model.second.primaryRegion]); everything else is its own.
</#if>
# State: add a backend block (an azurerm storage account) before the first apply.
terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "subscription_id" {
  type        = string
  description = "the Azure subscription of this environment"
}

variable "location" {
  type    = string
  default = "[=model.region]"
}

variable "vault_apply_from" {
  type        = list(string)
  default     = []
  description = "the public addresses (CIDR) you run tofu from, when not from inside the network: the Key Vaults' firewall admits them alone (infra/README.md)"
  validation {
    condition     = alltrue([for cidr in var.vault_apply_from : can(cidrhost(cidr, 0))])
    error_message = "vault_apply_from holds CIDR blocks, such as 203.0.113.7/32."
  }
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
  description = "the Microsoft Entra object ids (users, groups, service principals) that administer the cluster: Azure Kubernetes Service RBAC Cluster Admin, install the External Secrets Operator"
  validation {
    condition     = length(var.[=model.cluster.adminsVariable()]) > 0
    error_message = "name who administers the cluster: nobody else may install its operators or change it cluster-wide"
  }
}
</#if>
<#if model.secondRegion()>

variable "[=model.second.primariesVariable()]" {
  type        = map(string)
  description = "the resource ID of each production database, by endpoint: infra/envs/[=model.second.primaryRoot()]'s output database_ids (TF_VAR_[=model.second.primariesVariable()]=\"$(tofu -chdir=../[=model.second.primaryRoot()] output -json database_ids)\"; the roots keep no shared state to read it from)"
}

variable "[=model.second.promotedVariable()]" {
  type        = bool
  default     = false
  description = "true promotes the replicas to writable servers: the failover of RUNBOOK.md"
}
</#if>
<#if model.machines?has_content>

variable "admin_ssh_public_key" {
  type        = string
  description = "the OpenSSH public key of the machines' break-glass administrator (no network rule admits SSH)"
}
<#if model.publicDeployables()?has_content>

variable "certificate_secret_id" {
  type        = string
  description = "the secret id of the public host name's certificate in this root's Key Vault (https://[=model.keyVault()].vault.azure.net/secrets/<name>)"
}
</#if>
</#if>
<#if model.external?has_content>

variable "external_endpoints" {
  type        = map(string)
  description = "the address of each data store no managed offering here provides: [=model.external?join(", ")]"
}
</#if>

provider "azurerm" {
  subscription_id = var.subscription_id
  features {}
}

locals {
  name = "[=model.resourceGroup()]"
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

resource "azurerm_resource_group" "this" {
  name     = local.name
  location = var.location
  tags     = local.tags
}

module "network" {
  source              = "../../modules/network"
  name                = local.name
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  cidr                = "[=model.cidr]"
  database_delegation = "Microsoft.[=mysql?then("DBforMySQL", "DBforPostgreSQL")]/flexibleServers"
  tags                = local.tags
}

module "kms" {
  source              = "../../modules/kms"
  name                = "[=model.keyVault()]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  endpoint_location   = var.location
  subnet_id           = module.network.endpoints_subnet_id
  private_dns_zone_id = module.network.private_dns_zone_ids["vault"]
  apply_from          = var.vault_apply_from
  tags                = local.tags
}
<#if model.backupRegion()?has_content>

# The key of the databases' geo-redundant backups: Azure keeps them in the primary region's pair, the
# cell's recovery region (CAPACITY.md, "Cells"), under a key of that region.
module "kms_backup" {
  source              = "../../modules/kms"
  name                = "[=model.backupKeyVault()]"
  resource_group_name = azurerm_resource_group.this.name
  location            = "[=model.backupRegion()]"
  endpoint_location   = var.location
  subnet_id           = module.network.endpoints_subnet_id
  private_dns_zone_id = module.network.private_dns_zone_ids["vault"]
  apply_from          = var.vault_apply_from
  tags                = local.tags
}
</#if>
<#list model.databases as d>

# [=d.sizing]
<#if model.secondRegion()>
module "database_[=d.key?replace("-", "_")]" {
  source              = "../../modules/database-replica"
  name                = "[=model.project]-[=model.env]-[=d.name]"
  source_server_id    = var.[=model.second.primariesVariable()]["[=d.name]"]
  promoted            = var.[=model.second.promotedVariable()]
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  sku_name            = "[=d.instance]"
  subnet_id           = module.network.databases_subnet_id
  vnet_id             = module.network.vnet_id
  key_vault_id        = module.kms.vault_id
  key_id              = module.kms.versionless_key_id
  tags                = merge(local.tags, { service = "[=d.key]" })
}
<#else>
module "database_[=d.key?replace("-", "_")]" {
  source                = "../../modules/database"
  name                  = "[=model.project]-[=model.env]-[=d.name]"
  resource_group_name   = azurerm_resource_group.this.name
  location              = var.location
  engine_version        = "[=(d.engine == "mysql")?then("8.0.21", d.version)]"
  sku_name              = "[=d.instance]"
  storage_gb            = [=d.storageGb?c]
  standby_modes         = [[=d.standby?then('"ZoneRedundant"', "")]]
  read_replicas         = [=d.replicas?c]
  backup_retention_days = [=d.backupDays?c]
<#if d.backupRegion?has_content>
  backup_region         = "[=d.backupRegion]"
  backup_key_vault_id   = module.kms_backup.vault_id
  backup_key_id         = module.kms_backup.versionless_key_id
</#if>
  db_name               = "[=d.dbName]"
  subnet_id             = module.network.databases_subnet_id
  vnet_id               = module.network.vnet_id
  key_vault_id          = module.kms.vault_id
  key_id                = module.kms.versionless_key_id
  tags                  = merge(local.tags, { service = "[=d.key]" })
}
</#if>
</#list>
<#if model.cache??>

# [=model.cache.sizing]
module "cache" {
  source              = "../../modules/cache"
  name                = "${local.name}-[=model.cache.name]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  sku_name            = "[=model.cache.instance]"
  family              = "[=(model.cache.instance == "Premium")?then("P", "C")]"
  capacity            = [=model.cache.capacity?c]
  subnet_id           = module.network.endpoints_subnet_id
  private_dns_zone_id = module.network.private_dns_zone_ids["cache"]
  tags                = local.tags
}
</#if>
<#if model.broker?? && model.broker.pubsub()>

# [=model.broker.sizing]
module "broker" {
  source                = "../../modules/broker"
  name                  = "${local.name}-bus"
  resource_group_name   = azurerm_resource_group.this.name
  location              = var.location
  sku                   = "[=(model.production())?then("Premium", "Standard")]"
  public_network_access = [=(!model.production())?c]
  subnet_id             = module.network.endpoints_subnet_id
  private_dns_zone_id   = module.network.private_dns_zone_ids["broker"]
  topics                = [<#list model.broker.topics as t>"[=t.name]"<#sep>, </#list>]
  subscriptions = {
<#list model.broker.subscriptions as s>
    "[=s.key]" = { name = "[=s.name]", topic = "[=s.topic]" }
</#list>
  }
  tags = local.tags
}
<#elseif model.broker??>

# [=model.broker.sizing]
module "broker" {
  source              = "../../modules/broker"
  name                = "${local.name}-[=model.broker.name]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  sku                 = "[=model.broker.instance]"
  throughput_units    = [=model.broker.throughputUnits?c]
  subnet_id           = module.network.endpoints_subnet_id
  private_dns_zone_id = module.network.private_dns_zone_ids["broker"]
  topics = {
<#list model.broker.topics as t>
    "[=t.name]" = [=t.partitions?c]
</#list>
  }
  tags = local.tags
}
</#if>

module "secrets" {
  source       = "../../modules/secrets"
  secrets      = local.secrets
  key_vault_id = module.kms.vault_id
  tags         = local.tags
}
<#if model.cluster??>

# [=model.cluster.sizing]
module "runtime" {
  source              = "../../modules/runtime-kubernetes"
  admins              = var.[=model.cluster.adminsVariable()]
  name                = "[=model.cluster.name]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  kubernetes_version  = "1.33"
  node_type           = "[=model.cluster.nodeType]"
  min_nodes           = [=model.cluster.minNodes?c]
  max_nodes           = [=model.cluster.maxNodes?c]
  subnet_id           = module.network.nodes_subnet_id
  key_id              = module.kms.key_id
  tags                = local.tags
}
</#if>

module "registry" {
  source              = "../../modules/registry"
  name                = "[=model.registry().host()?keep_before(".")]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
<#if model.cluster??>
  pull_principal_id   = module.runtime.kubelet_principal_id
</#if>
  tags                = local.tags
}
<#if model.machines?has_content>

module "runtime" {
  source              = "../../modules/runtime-vm"
  project             = "[=model.project]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  machines = {
<#list model.machines as m>
    # [=m.sizing]
    "[=m.name]" = { type = "[=m.type]", min = [=m.min?c], max = [=m.max?c], called = [=m.called?c] }
</#list>
  }
  port                 = [=model.port?c]
  health_path          = "[=model.healthPath]"
  cpu_target           = [=model.cpuTargetPercent?c]
  user_data            = "${path.root}/../../../deploy/vm[=model.deployFolder()]"
  identity_ids         = module.identity.ids
  registry_id          = module.registry.id
  principal_ids        = module.identity.principal_ids
  key_vault            = "[=model.keyVault()]"
  admin_ssh_public_key = var.admin_ssh_public_key
  subnet_id            = module.network.nodes_subnet_id
  allowed_cidr         = "[=model.cidr]"
<#if model.publicDeployables()?has_content>
  public                = [<#list model.publicDeployables() as d>"[=d]"<#sep>, </#list>]
  certificate_secret_id = var.certificate_secret_id
  key_vault_id          = module.kms.vault_id
  vnet_id               = module.network.vnet_id
  gateway_cidr          = cidrsubnet("[=model.cidr]", 6, 18)
  routes = {
<#list model.routes as r>
    "[=r.key]" = { service = "[=r.deployable]", path = "[=r.path]", priority = [=r.priority?c] }
</#list>
  }
</#if>
  tags = local.tags
}
</#if>
<#if model.managedContainers>

module "runtime" {
  source              = "../../modules/runtime-managed-containers"
  project             = "[=model.project]"
  environment         = "[=model.containerAppsEnvironment()]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  subnet_id           = module.network.nodes_subnet_id
  internal            = [=(!model.publicDeployables()?has_content)?c]
  log_days            = [=model.production()?then(30, 7)?c]
  registry_id         = module.registry.id
  principal_ids       = module.identity.principal_ids
  tags                = local.tags
}
</#if>

module "identity" {
  source              = "../../modules/identity"
  project             = "[=model.project]"
  resource_group_name = azurerm_resource_group.this.name
  location            = var.location
  deployables         = [<#list model.deployables as d>"[=d]"<#sep>, </#list>]
  secrets             = local.secrets
  secret_ids          = module.secrets.ids
  key_vault_id        = module.kms.vault_id
<#if model.cluster??>
  namespace           = "[=model.project]-[=model.tier]"
  oidc_issuer_url     = module.runtime.oidc_issuer_url
</#if>
  tags                = local.tags
}

module "dns" {
  source              = "../../modules/dns"
  zone                = "[=model.zone]"
  resource_group_name = azurerm_resource_group.this.name
  vnet_id             = module.network.vnet_id
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
  }
<#if model.machines?filter(m -> m.called)?has_content>
  addresses = {
<#list model.machines?filter(m -> m.called) as m>
    "[=m.name]" = module.runtime.internal_addresses["[=m.name]"]
</#list>
  }
</#if>
  tags = local.tags
}

# the identities this repository's workflows push and deploy as (infra/README.md: which secret holds which output)
module "ci_identity" {
  source              = "../../modules/ci-identity"
  name                = local.name
  resource_group_name = azurerm_resource_group.this.name
  resource_group_id   = azurerm_resource_group.this.id
  location            = var.location
  github_repository   = var.[=model.ci().repositoryVariable()]
  subjects            = {
    push   = { context = "[=model.ci().context("push")]", workflow = "[=model.ci().workflow("push")]" }
    deploy = { context = "[=model.ci().context("deploy")]", workflow = "[=model.ci().workflow("deploy")]" }
  }
  registry_id         = module.registry.id
<#if model.cluster??>
  cluster_id          = module.runtime.id
  namespace           = "[=model.project]-[=model.tier]"
  secret_store_identity_id = module.identity.ids["[=model.secretStoreAccount()]"]
</#if>
  tags                = local.tags
}
<#list model.ci().outputs() as o>

output "[=o]" {
  value = <#if o == "subscription_id">var.subscription_id<#else>module.ci_identity.[=o]</#if>
}
</#list>
<#if model.cluster??>

# the deploy identity's object id, which deploy/k8s/access/ binds the Role of the custom resources to
output "deploy_principal_id" {
  value = module.ci_identity.deploy_principal_id
}
</#if>
<#if model.second?? && !model.secondRegion() && model.databases?has_content>

# The databases' resource IDs, which the second region's root ([=model.second.root]) replicates (its variable [=model.second.primariesVariable()])
output "database_ids" {
  value = {
<#list model.databases as d>
    "[=d.name]" = module.database_[=d.key?replace("-", "_")].id
</#list>
  }
}
</#if>
