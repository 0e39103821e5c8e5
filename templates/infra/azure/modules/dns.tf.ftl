<#-- infra/modules/dns/main.tf (Azure). Model: EnvView of prod. -->
# The private zone the cluster reaches the data stores by ([=model.zone]): one CNAME per endpoint
# that deploy/k8s names (DB_HOST, CACHE_HOST, the broker), pointing at what the modules created.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "zone" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "vnet_id" {
  type = string
}

variable "records" {
  type        = map(string)
  description = "name in the zone => the endpoint's address"
}

variable "addresses" {
  type        = map(string)
  default     = {}
  description = "name in the zone => a private IP address (the internal load balancers of virtual machines)"
}

variable "tags" {
  type = map(string)
}

resource "azurerm_private_dns_zone" "this" {
  name                = var.zone
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  name                  = "endpoints"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.this.name
  virtual_network_id    = var.vnet_id
  tags                  = var.tags
}

resource "azurerm_private_dns_cname_record" "this" {
  for_each            = var.records
  name                = each.key
  zone_name           = azurerm_private_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = 60
  record              = each.value
  tags                = var.tags
}

resource "azurerm_private_dns_a_record" "this" {
  for_each            = var.addresses
  name                = each.key
  zone_name           = azurerm_private_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = 60
  records             = [each.value]
  tags                = var.tags
}
