<#-- infra/modules/cache/main.tf (Azure). Model: EnvView of prod. -->
# The cache: Azure Cache for Redis, TLS 1.2 only, no public access (a private endpoint in the
# endpoints subnet); Standard and Premium keep a replica. Azure makes the access key (output
# primary_access_key): store it as CACHE_PASSWORD in the deployables' secret entries.
# No persistence: the caching decision keeps it cache-aside, so every entry is a copy of a database
# row, the services work while it is down, and a replacement starts empty and refills.
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

variable "sku_name" {
  type = string
}

variable "family" {
  type = string
}

variable "capacity" {
  type = number
}

variable "subnet_id" {
  type = string
}

variable "private_dns_zone_id" {
  type        = string
  description = "the network's privatelink.redis.cache.windows.net zone"
}

variable "tags" {
  type = map(string)
}

resource "azurerm_redis_cache" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku_name                      = var.sku_name
  family                        = var.family
  capacity                      = var.capacity
  minimum_tls_version           = "1.2"
  non_ssl_port_enabled          = false
  public_network_access_enabled = false
  redis_version                 = "6"
  tags                          = var.tags
}

resource "azurerm_private_endpoint" "this" {
  name                = "${var.name}-cache"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.subnet_id
  private_service_connection {
    name                           = "${var.name}-cache"
    private_connection_resource_id = azurerm_redis_cache.this.id
    is_manual_connection           = false
    subresource_names              = ["redisCache"]
  }
  private_dns_zone_group {
    name                 = "cache"
    private_dns_zone_ids = [var.private_dns_zone_id]
  }
  tags = var.tags
}

output "address" {
  value = azurerm_redis_cache.this.hostname
}

output "primary_access_key" {
  value     = azurerm_redis_cache.this.primary_access_key
  sensitive = true
}
