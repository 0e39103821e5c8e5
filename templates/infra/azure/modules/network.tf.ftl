<#-- infra/modules/network/main.tf (Azure). Model: EnvView of prod. -->
# The network of one environment: a virtual network with a subnet for the AKS nodes, one delegated
# to the flexible database servers, and one for the private endpoints of the Key Vaults, cache and
# broker, with the private DNS zone of each such service linked to the network, so that their
# public names resolve to the private endpoints inside it.
<#if model.natGateways() gt 0>
# New virtual networks get no default outbound access: the virtual machines reach the registry, Key
# Vault and package mirrors through a NAT gateway with a static public IP on the nodes subnet.
<#elseif model.runtime == "kubernetes">
# New virtual networks get no default outbound access: AKS goes out through its load balancer's
# outbound rules (outbound type loadBalancer), so the nodes subnet needs no NAT gateway.
</#if>
<#if model.managedContainers>
# The Container Apps environment goes out through the platform's own path (a consumption environment
# takes no NAT gateway); the endpoints subnet turns default outbound access off.
<#else>
# The nodes and endpoints subnets turn default outbound access off.
</#if>
# The databases subnet is delegated to the flexible servers, whose traffic is the service's own.
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
  name                            = "nodes"
  resource_group_name             = var.resource_group_name
  virtual_network_name            = azurerm_virtual_network.this.name
  address_prefixes                = [cidrsubnet(var.cidr, 2, 0)]
<#if !model.managedContainers>
  default_outbound_access_enabled = false
</#if>
}
<#if model.natGateways() gt 0>

resource "azurerm_public_ip" "nat" {
  name                = "${var.name}-nat"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
  tags                = var.tags
}

resource "azurerm_nat_gateway" "this" {
  name                = "${var.name}-nat"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku_name            = "Standard"
  tags                = var.tags
}

resource "azurerm_nat_gateway_public_ip_association" "this" {
  nat_gateway_id       = azurerm_nat_gateway.this.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "nodes" {
  subnet_id      = azurerm_subnet.nodes.id
  nat_gateway_id = azurerm_nat_gateway.this.id
}
</#if>

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
  name                            = "endpoints"
  resource_group_name             = var.resource_group_name
  virtual_network_name            = azurerm_virtual_network.this.name
  address_prefixes                = [cidrsubnet(var.cidr, 6, 17)]
  # private endpoints only: nothing here goes out
  default_outbound_access_enabled = false
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
<#if model.natGateways() gt 0>
  # through the association, so that no machine starts before its outbound path exists
  value = azurerm_subnet_nat_gateway_association.nodes.subnet_id
<#else>
  value = azurerm_subnet.nodes.id
</#if>
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
