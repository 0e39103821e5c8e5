<#-- infra/modules/database/main.tf (Azure). Model: EnvView of prod; every database of a plan has one engine. -->
<#assign mysql = model.databases[0].engine == "mysql">
<#assign kind = mysql?then("mysql", "postgresql")>
# One Azure Database for [=mysql?then("MySQL", "PostgreSQL")] flexible server of one deployable: in the delegated subnet
# only, encrypted with the environment's key (a user-assigned identity unwraps it), zone-redundant
# high availability (a synchronous standby in another zone) when standby_modes holds
# "ZoneRedundant", read replicas, automated backups with point-in-time restore in the retention.
# Geo-redundant backup when backup_region names the recovery region: Azure keeps the copy in the
# primary region's pair (it cannot be pointed elsewhere), encrypted with a key and identity of that
# region; a geo-restore creates the server there. Without it the backups stay in the primary region.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "engine_version" {
  type = string
}

variable "sku_name" {
  type = string
}

variable "storage_gb" {
  type = number
}

variable "standby_modes" {
  type        = list(string)
  description = "[\"ZoneRedundant\"] for a standby in another zone, [] for none"
}

variable "read_replicas" {
  type = number
}

variable "backup_retention_days" {
  type = number
}

variable "backup_region" {
  type        = string
  default     = ""
  description = "the primary region's pair, where the geo-redundant backups are kept; empty for none"
}

variable "backup_key_vault_id" {
  type        = string
  default     = ""
  description = "the Key Vault in backup_region that holds backup_key_id"
}

variable "backup_key_id" {
  type        = string
  default     = ""
  description = "the key in backup_region that encrypts the geo-redundant backups"
}

variable "db_name" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "vnet_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}

variable "key_id" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "azurerm_user_assigned_identity" "this" {
  name                = "${var.name}-database"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "key" {
  scope                = var.key_vault_id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = azurerm_user_assigned_identity.this.principal_id
}

resource "azurerm_user_assigned_identity" "backup" {
  count               = var.backup_region == "" ? 0 : 1
  name                = "${var.name}-backup"
  location            = var.backup_region
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "backup_key" {
  count                = var.backup_region == "" ? 0 : 1
  scope                = var.backup_key_vault_id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = azurerm_user_assigned_identity.backup[0].principal_id
}

resource "azurerm_private_dns_zone" "this" {
  name                = "${var.name}.private.[=kind].database.azure.com"
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  name                  = var.name
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.this.name
  virtual_network_id    = var.vnet_id
  tags                  = var.tags
}

resource "azurerm_[=kind]_flexible_server" "primary" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  version                       = var.engine_version
  sku_name                      = var.sku_name
<#if mysql>
  storage {
    size_gb           = var.storage_gb
    auto_grow_enabled = true
  }
<#else>
  storage_mb                    = var.storage_gb * 1024
  auto_grow_enabled             = true
  public_network_access_enabled = false
</#if>
  backup_retention_days         = var.backup_retention_days
  geo_redundant_backup_enabled  = var.backup_region != ""
  delegated_subnet_id           = var.subnet_id
  private_dns_zone_id           = azurerm_private_dns_zone.this.id
  identity {
    type         = "UserAssigned"
    identity_ids = concat([azurerm_user_assigned_identity.this.id], azurerm_user_assigned_identity.backup[*].id)
  }
  customer_managed_key {
    key_vault_key_id                     = var.key_id
    primary_user_assigned_identity_id    = azurerm_user_assigned_identity.this.id
    geo_backup_key_vault_key_id          = var.backup_region == "" ? null : var.backup_key_id
    geo_backup_user_assigned_identity_id = one(azurerm_user_assigned_identity.backup[*].id)
  }
  dynamic "high_availability" {
    for_each = var.standby_modes
    content {
      mode = high_availability.value
    }
  }
  tags       = var.tags
  depends_on = [azurerm_private_dns_zone_virtual_network_link.this, azurerm_role_assignment.key, azurerm_role_assignment.backup_key]
}

resource "azurerm_[=kind]_flexible_server" "replica" {
  count               = var.read_replicas
  name                = "${var.name}-replica-${count.index + 1}"
  location            = var.location
  resource_group_name = var.resource_group_name
  create_mode         = "Replica"
  source_server_id    = azurerm_[=kind]_flexible_server.primary.id
  sku_name            = var.sku_name
  delegated_subnet_id = var.subnet_id
  private_dns_zone_id = azurerm_private_dns_zone.this.id
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }
  customer_managed_key {
    key_vault_key_id                  = var.key_id
    primary_user_assigned_identity_id = azurerm_user_assigned_identity.this.id
  }
  tags = var.tags
}

resource "azurerm_[=mysql?then("mysql_flexible_database", "postgresql_flexible_server_database")]" "this" {
  name      = var.db_name
<#if mysql>
  resource_group_name = var.resource_group_name
  server_name         = azurerm_mysql_flexible_server.primary.name
  charset             = "utf8mb4"
  collation           = "utf8mb4_0900_ai_ci"
<#else>
  server_id = azurerm_postgresql_flexible_server.primary.id
</#if>
}

output "address" {
  value = azurerm_[=kind]_flexible_server.primary.fqdn
}

output "id" {
  value = azurerm_[=kind]_flexible_server.primary.id
}
