<#-- infra/modules/runtime-managed-containers/main.tf (Azure). Model: EnvView of prod (runtime managed-containers). -->
# The runtime the deployment decision chose: Azure Container Apps. This module creates the
# environment the descriptors in deploy/containerapps/ name (managedEnvironmentId: this root's
# resource group and var.environment) inside the network's workload subnet, its Log Analytics
# workspace, and lets each service's managed identity pull from the registry. The apps themselves are the descriptors: the
# deploy workflow runs `az containerapp update --yaml` (or create) with each, so one file says how
# each app runs.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "project" {
  type = string
}

variable "environment" {
  type        = string
  description = "the environment's name, as the descriptors' managedEnvironmentId names it"
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "subnet_id" {
  type        = string
  description = "the workload subnet (at least /23, not delegated: a consumption environment)"
}

variable "internal" {
  type        = bool
  description = "whether no app takes traffic from outside"
}

variable "log_days" {
  type = number
}

variable "registry_id" {
  type = string
}

variable "principal_ids" {
  type        = map(string)
  description = "deployable => the principal of its managed identity"
}

variable "tags" {
  type = map(string)
}

resource "azurerm_log_analytics_workspace" "this" {
  name                = "${var.project}-logs"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_days
  tags                = var.tags
}

resource "azurerm_container_app_environment" "this" {
  name                           = var.environment
  location                       = var.location
  resource_group_name            = var.resource_group_name
  log_analytics_workspace_id     = azurerm_log_analytics_workspace.this.id
  infrastructure_subnet_id       = var.subnet_id
  internal_load_balancer_enabled = var.internal
  zone_redundancy_enabled        = true
  tags                           = var.tags
}

resource "azurerm_role_assignment" "pull" {
  for_each             = var.principal_ids
  scope                = var.registry_id
  role_definition_name = "AcrPull"
  principal_id         = each.value
}

output "environment_id" {
  value = azurerm_container_app_environment.this.id
}
