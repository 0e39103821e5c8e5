<#-- infra/modules/broker/main.tf (Azure). Model: EnvView of prod; the broker is kafka or cloud-pubsub. -->
<#if model.broker.pubsub()>
# The broker: a Service Bus namespace, a topic per channel of api/asyncapi.yaml and a subscription
# per consumer and topic, dead-lettered after five failed deliveries. Premium (production) keeps the
# namespace off the public network, reached through a private endpoint in the endpoints subnet;
# Standard (dev, staging) cannot.
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

variable "sku" {
  type = string
}

variable "public_network_access" {
  type = bool
}

variable "subnet_id" {
  type        = string
  description = "the network's subnet of private endpoints"
}

variable "private_dns_zone_id" {
  type        = string
  description = "the network's privatelink.servicebus.windows.net zone"
}

variable "topics" {
  type = list(string)
}

variable "subscriptions" {
  type = map(object({
    name  = string
    topic = string
  }))
  description = "one entry per consumer and topic it receives"
}

variable "tags" {
  type = map(string)
}

resource "azurerm_servicebus_namespace" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = var.sku
  minimum_tls_version           = "1.2"
  public_network_access_enabled = var.public_network_access
  tags                          = var.tags
}

resource "azurerm_private_endpoint" "this" {
  count               = var.public_network_access ? 0 : 1
  name                = "${var.name}-broker"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.subnet_id
  private_service_connection {
    name                           = "${var.name}-broker"
    private_connection_resource_id = azurerm_servicebus_namespace.this.id
    is_manual_connection           = false
    subresource_names              = ["namespace"]
  }
  private_dns_zone_group {
    name                 = "broker"
    private_dns_zone_ids = [var.private_dns_zone_id]
  }
  tags = var.tags
}

resource "azurerm_servicebus_topic" "this" {
  for_each     = toset(var.topics)
  name         = each.value
  namespace_id = azurerm_servicebus_namespace.this.id
}

resource "azurerm_servicebus_subscription" "this" {
  for_each                             = var.subscriptions
  name                                 = each.value.name
  topic_id                             = azurerm_servicebus_topic.this[each.value.topic].id
  max_delivery_count                   = 5
  dead_lettering_on_message_expiration = true
}
<#else>
# The broker: an Event Hubs namespace, which speaks the Kafka protocol on port [=model.broker.port?c] (SASL_SSL), no
# public access (a private endpoint in the endpoints subnet), and one event hub per topic of
# api/asyncapi.yaml with its partitions from CAPACITY.md (at most 32 on Standard).
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

variable "sku" {
  type = string
}

variable "throughput_units" {
  type = number
}

variable "subnet_id" {
  type = string
}

variable "private_dns_zone_id" {
  type        = string
  description = "the network's privatelink.servicebus.windows.net zone"
}

variable "topics" {
  type        = map(number)
  description = "topic => partitions"
}

variable "tags" {
  type = map(string)
}

resource "azurerm_eventhub_namespace" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = var.sku
  capacity                      = var.throughput_units
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
  tags                          = var.tags
}

resource "azurerm_eventhub" "this" {
  for_each          = var.topics
  name              = each.key
  namespace_id      = azurerm_eventhub_namespace.this.id
  partition_count   = each.value
  message_retention = 7
}

resource "azurerm_private_endpoint" "this" {
  name                = "${var.name}-broker"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.subnet_id
  private_service_connection {
    name                           = "${var.name}-broker"
    private_connection_resource_id = azurerm_eventhub_namespace.this.id
    is_manual_connection           = false
    subresource_names              = ["namespace"]
  }
  private_dns_zone_group {
    name                 = "broker"
    private_dns_zone_ids = [var.private_dns_zone_id]
  }
  tags = var.tags
}

output "address" {
  value = "${azurerm_eventhub_namespace.this.name}.servicebus.windows.net"
}
</#if>
