<#-- infra/modules/database-replica/main.tf (Azure). Model: EnvView of prod; every database of a plan has one engine. -->
<#assign mysql = model.databases[0].engine == "mysql">
<#assign kind = mysql?then("mysql", "postgresql")>
# One geo replica (Azure Database for [=mysql?then("MySQL", "PostgreSQL")] flexible server) of a production database, in
# the second region's root: it copies the primary asynchronously (source_server_id, the primary's
# resource ID), in this region's delegated subnet, encrypted with this region's key (a user-assigned
# identity unwraps it), sized as the primary so that it can take its load. promoted = true turns it
# into a writable server of its own: its replication role becomes None (RUNBOOK.md, "Fail over").
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "name" {
  type = string
}

variable "source_server_id" {
  type        = string
  description = "the resource ID of the primary server in production's region"
}

variable "promoted" {
  type        = bool
  description = "true once the replica is promoted to a server of its own"
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "sku_name" {
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

resource "azurerm_[=kind]_flexible_server" "replica" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  create_mode         = "Replica"
  source_server_id    = var.source_server_id
  replication_role    = var.promoted ? "None" : null
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
  tags       = var.tags
  depends_on = [azurerm_private_dns_zone_virtual_network_link.this, azurerm_role_assignment.key]
}

output "address" {
  value = azurerm_[=kind]_flexible_server.replica.fqdn
}

output "id" {
  value = azurerm_[=kind]_flexible_server.replica.id
}
