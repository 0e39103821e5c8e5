<#-- infra/modules/network/main.tf (Azure). Model: EnvView of prod. -->
# The network of one environment: a virtual network with a subnet for the AKS nodes, one delegated
# to the flexible database servers, and one for the private endpoints of the Key Vaults, cache and
# broker, with the private DNS zone of each such service linked to the network, so that their
# public names resolve to the private endpoints inside it.
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

variable "cidr" {
  type = string
}

variable "database_delegation" {
  type        = string
  description = "the service the database subnet is delegated to"
}

variable "tags" {
  type = map(string)
}

resource "azurerm_virtual_network" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = [var.cidr]
  tags                = var.tags
}

resource "azurerm_subnet" "nodes" {
  name                 = "nodes"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.cidr, 2, 0)]
}

resource "azurerm_subnet" "databases" {
  name                 = "databases"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.cidr, 6, 16)]
  delegation {
    name = "databases"
    service_delegation {
      name    = var.database_delegation
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

resource "azurerm_subnet" "endpoints" {
  name                 = "endpoints"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.cidr, 6, 17)]
}

locals {
  # the privatelink zone of each service reached through a private endpoint
  private_zones = {
    vault = "privatelink.vaultcore.azure.net"
<#if model.cache??>
    cache = "privatelink.redis.cache.windows.net"
</#if>
<#if model.broker??>
    broker = "privatelink.servicebus.windows.net"
</#if>
  }
}

resource "azurerm_private_dns_zone" "private" {
  for_each            = local.private_zones
  name                = each.value
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "private" {
  for_each              = local.private_zones
  name                  = "${var.name}-${each.key}"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.private[each.key].name
  virtual_network_id    = azurerm_virtual_network.this.id
  tags                  = var.tags
}

output "vnet_id" {
  value = azurerm_virtual_network.this.id
}

output "nodes_subnet_id" {
  value = azurerm_subnet.nodes.id
}

output "databases_subnet_id" {
  value = azurerm_subnet.databases.id
}

output "endpoints_subnet_id" {
  value = azurerm_subnet.endpoints.id
}

output "private_dns_zone_ids" {
  value = { for key, zone in azurerm_private_dns_zone.private : key => zone.id }
}
