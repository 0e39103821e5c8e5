<#-- infra/modules/identity/main.tf (Azure). Model: EnvView of prod. -->
<#if model.cluster??>
# One user-assigned managed identity per deployable, federated with its Kubernetes ServiceAccount
# alone (Workload Identity), allowed to read its own secret; and the External Secrets Operator's,
# which reads the environment's secrets for the SecretStore.
<#else>
# One user-assigned managed identity per deployable, allowed to read its own secret.
</#if>
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "project" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type = string
}

variable "deployables" {
  type = list(string)
}

variable "secrets" {
  type        = map(string)
  description = "secret name => the deployable it belongs to"
}

variable "secret_ids" {
  type        = map(string)
  description = "secret name => its versionless id"
}

variable "key_vault_id" {
  type = string
}
<#if model.cluster??>

variable "namespace" {
  type = string
}

variable "oidc_issuer_url" {
  type = string
}
</#if>

variable "tags" {
  type = map(string)
}

resource "azurerm_user_assigned_identity" "this" {
  for_each            = toset(<#if model.cluster??>concat(var.deployables, ["[=model.secretStoreAccount()]"])<#else>var.deployables</#if>)
  name                = each.value
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = merge(var.tags, { service = each.value })
}

resource "azurerm_role_assignment" "own_secret" {
  for_each             = var.secrets
  scope                = var.secret_ids[each.key]
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.this[each.value].principal_id
}
<#if model.cluster??>

# the External Secrets Operator's, on Kubernetes alone
resource "azurerm_role_assignment" "secret_store" {
  scope                = var.key_vault_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.this["[=model.secretStoreAccount()]"].principal_id
}

resource "azurerm_federated_identity_credential" "this" {
  for_each  = azurerm_user_assigned_identity.this
  name      = each.key
  parent_id = each.value.id
  audience  = ["api://AzureADTokenExchange"]
  issuer    = var.oidc_issuer_url
  subject   = "system:serviceaccount:${var.namespace}:${each.key}"
}
</#if>

output "principal_ids" {
  value = zipmap(keys(azurerm_user_assigned_identity.this), values(azurerm_user_assigned_identity.this)[*].principal_id)
}

output "client_ids" {
  value = zipmap(keys(azurerm_user_assigned_identity.this), values(azurerm_user_assigned_identity.this)[*].client_id)
}

output "ids" {
  value = zipmap(keys(azurerm_user_assigned_identity.this), values(azurerm_user_assigned_identity.this)[*].id)
}
