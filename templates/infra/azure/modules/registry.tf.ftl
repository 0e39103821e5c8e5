<#-- infra/modules/registry/main.tf (Azure). Model: EnvView of prod. -->
# The container registry of the images: Premium, no admin user, no public network access (the
# cluster pulls through its managed identity, granted AcrPull).
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "name" {
  type        = string
  description = "5-50 letters and digits, unique in Azure"
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

<#if model.cluster??>
variable "pull_principal_id" {
  type = string
}
</#if>
<#if model.runtime == "serverless">
variable "pull_principal_ids" {
  type        = map(string)
  description = "deployable => the principal of its managed identity, which its Container App pulls the image with"
}
</#if>

variable "tags" {
  type = map(string)
}

resource "azurerm_container_registry" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
  tags                          = var.tags
}

<#if model.cluster??>
resource "azurerm_role_assignment" "pull" {
  scope                = azurerm_container_registry.this.id
  role_definition_name = "AcrPull"
  principal_id         = var.pull_principal_id
}
</#if>
<#if model.runtime == "serverless">
resource "azurerm_role_assignment" "pull" {
  for_each             = var.pull_principal_ids
  scope                = azurerm_container_registry.this.id
  role_definition_name = "AcrPull"
  principal_id         = each.value
}
</#if>

output "id" {
  value = azurerm_container_registry.this.id
}

output "login_server" {
  value = azurerm_container_registry.this.login_server
}
