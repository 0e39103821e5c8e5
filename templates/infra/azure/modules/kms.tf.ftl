<#-- infra/modules/kms/main.tf (Azure). Model: EnvView of prod. -->
# The Key Vault of the environment (RBAC, purge protection, firewall denying by default) and the key that
# encrypts the databases and the cluster's secrets at rest, rotated every year. The secret entries
# live in the same vault (modules/secrets). It is reached only through its private endpoint in the
# environment's network (privatelink.vaultcore.azure.net resolves there): the databases' keys, the
# Container Apps' and pods' secrets are read from inside it; trusted Azure services pass the
# firewall. Keys and secret entries are data in the vault, which `tofu apply` (and every plan, reading
# them back) writes through the vault's data plane: from inside the network, or from the public
# addresses var.apply_from lists, which alone open the vault's public endpoint, to them alone. Empty
# (the default), the vault has no public endpoint. No deploy job writes to it (they name it, the
# runtimes read it), and GitHub-hosted runners are not let in.
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

variable "endpoint_location" {
  type        = string
  description = "the region of the network the private endpoint is in (a backup vault is in another)"
}

variable "subnet_id" {
  type        = string
  description = "the network's subnet of private endpoints"
}

variable "private_dns_zone_id" {
  type        = string
  description = "the network's privatelink.vaultcore.azure.net zone"
}

variable "apply_from" {
  type        = list(string)
  description = "the public addresses (CIDR) the apply runs from outside the network; empty keeps the vault off the public network"
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
  public_network_access_enabled = length(var.apply_from) > 0
  network_acls {
    bypass         = "AzureServices"
    default_action = "Deny"
    ip_rules       = var.apply_from
  }
  tags = var.tags
}

resource "azurerm_private_endpoint" "vault" {
  name                = "${var.name}-vault"
  location            = var.endpoint_location
  resource_group_name = var.resource_group_name
  subnet_id           = var.subnet_id
  private_service_connection {
    name                           = "${var.name}-vault"
    private_connection_resource_id = azurerm_key_vault.this.id
    is_manual_connection           = false
    subresource_names              = ["vault"]
  }
  private_dns_zone_group {
    name                 = "vault"
    private_dns_zone_ids = [var.private_dns_zone_id]
  }
  tags = var.tags
}

resource "azurerm_key_vault_key" "this" {
  name         = "data"
  key_vault_id = azurerm_key_vault.this.id
  depends_on   = [azurerm_private_endpoint.vault]
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
