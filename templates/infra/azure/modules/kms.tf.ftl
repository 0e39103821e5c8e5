<#-- infra/modules/kms/main.tf (Azure). Model: EnvView of prod. -->
# The Key Vault of the environment (RBAC, purge protection, no public access) and the key that
# encrypts the databases and the cluster's secrets at rest, rotated every year. The secret entries
# live in the same vault (modules/secrets).
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "name" {
  type        = string
  description = "the vault's name: 3-24 letters, digits and dashes, unique in Azure"
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "tags" {
  type = map(string)
}

data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "premium"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false
  tags                          = var.tags
}

resource "azurerm_key_vault_key" "this" {
  name         = "data"
  key_vault_id = azurerm_key_vault.this.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]
  rotation_policy {
    expire_after         = "P2Y"
    notify_before_expiry = "P30D"
    automatic {
      time_after_creation = "P1Y"
    }
  }
  tags = var.tags
}

output "vault_id" {
  value = azurerm_key_vault.this.id
}

output "vault_uri" {
  value = azurerm_key_vault.this.vault_uri
}

output "key_id" {
  value = azurerm_key_vault_key.this.id
}

output "versionless_key_id" {
  value = azurerm_key_vault_key.this.versionless_id
}
