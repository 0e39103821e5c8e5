<#-- infra/modules/registry/main.tf (Azure). Model: EnvView of prod. -->
# The container registry of the images: Premium, no admin user, no anonymous pull. Its endpoint is
# public but answers only Microsoft Entra identities granted a role on it: the ci workflow pushes from
# GitHub's hosted runners and the runtime pulls with its managed identities (AcrPull), and infra/
# creates no private endpoint either could reach it through. For a registry reachable only inside the
# network, add a private endpoint and its DNS zone, and run the image job on a runner in the network.
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

variable "tags" {
  type = map(string)
}

resource "azurerm_container_registry" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = true
  anonymous_pull_enabled        = false
  tags                          = var.tags
}

<#if model.cluster??>
resource "azurerm_role_assignment" "pull" {
  scope                = azurerm_container_registry.this.id
  role_definition_name = "AcrPull"
  principal_id         = var.pull_principal_id
}
</#if>

output "id" {
  value = azurerm_container_registry.this.id
}

output "login_server" {
  value = azurerm_container_registry.this.login_server
}
