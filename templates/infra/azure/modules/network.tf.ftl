<#-- infra/modules/network/main.tf (Azure). Model: EnvView of prod. -->
# The network of one environment: a virtual network with a subnet for the AKS nodes, one delegated
# to the flexible database servers, and one for the private endpoints of the cache and broker.
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
