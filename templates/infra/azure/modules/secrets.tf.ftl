<#-- infra/modules/secrets/main.tf (Azure). Model: EnvView of prod. -->
<#if model.managedContainers>
# One Key Vault secret per secret variable of each deployable, named as the Container Apps of
# deploy/ reference them. Key Vault has no secret without a value: each is created holding the
# placeholder "unset", and a person replaces it with the variable's value; OpenTofu then leaves the
# value alone.
<#else>
# One Key Vault secret per deployable, named as the ExternalSecrets of deploy/k8s read them. Key
# Vault has no secret without a value: each is created holding the placeholder "unset", and a person
# replaces it with the JSON of the deployable's secrets; OpenTofu then leaves the value alone.
</#if>
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "secrets" {
  type        = map(string)
  description = "secret name => the deployable it belongs to"
}

variable "key_vault_id" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "azurerm_key_vault_secret" "this" {
  for_each     = var.secrets
  name         = each.key
  key_vault_id = var.key_vault_id
  value        = "unset"
  content_type = "[=model.managedContainers?then("text/plain", "application/json")]"
  tags         = merge(var.tags, { service = each.value })
  lifecycle {
    ignore_changes = [value]
  }
}

output "ids" {
  value = zipmap(keys(azurerm_key_vault_secret.this), values(azurerm_key_vault_secret.this)[*].resource_versionless_id)
}
