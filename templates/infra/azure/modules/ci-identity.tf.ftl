<#-- infra/modules/ci-identity/main.tf (Azure). Model: EnvView of prod. -->
# The identities this repository's GitHub workflows log in as, by OpenID Connect (no secret is stored):
# two user-assigned managed identities of this root, each with one federated credential trusting
# GitHub's token for one subject alone:
# - the push identity, for the ci workflow's image job on main (repo:<owner>/<name>:[=model.ci().context("push")]:
#   job_workflow_ref:<owner>/<name>/[=model.ci().workflow("push")]), may push to this root's
#   container registry (AcrPush);
# - the deploy identity, for the deploy workflow's jobs of the GitHub environment named after this root
#   (repo:<owner>/<name>:environment:<root>:job_workflow_ref:<owner>/<name>/[=model.ci().workflow("deploy")],
#   where prod's required reviewers approve), may do what that job does on this root's
#   resources alone.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "name" {
  type        = string
  description = "<project>-<root>: the prefix of the identities"
}

variable "resource_group_name" {
  type = string
}

variable "resource_group_id" {
  type = string
}

variable "location" {
  type = string
}

variable "github_repository" {
  type        = string
  description = "<owner>/<name> of the repository whose workflows the identities trust"
}

variable "subjects" {
  type = object({
    push   = object({ context = string, workflow = string })
    deploy = object({ context = string, workflow = string })
  })
  description = "the context (environment or ref) and the workflow file@ref of the jobs whose token subject each identity trusts"
}

variable "registry_id" {
  type        = string
  description = "the container registry of this root, which the push identity pushes to"
}
<#if model.cluster??>

variable "cluster_id" {
  type = string
}

variable "namespace" {
  type        = string
  description = "the Kubernetes namespace the deploy identity may change"
}

variable "secret_store_identity_id" {
  type        = string
  description = "the managed identity of the External Secrets Operator, whose client id the deploy job reads into the manifests"
}
</#if>

variable "tags" {
  type = map(string)
}

locals {
  # the whole subject of a job's token once the repository's subject template includes repo, context and
  # job_workflow_ref (infra/README.md): the workflow file is trusted, not only the branch or environment
  subjects = { for use, s in var.subjects : use => format("[=model.ci().subjectFormat()]", var.github_repository, s.context, var.github_repository, s.workflow) }
}

resource "azurerm_user_assigned_identity" "ci" {
  for_each            = local.subjects
  name                = "${var.name}-ci-${each.key}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_federated_identity_credential" "ci" {
  for_each  = local.subjects
  name      = "github-${each.key}"
  parent_id = azurerm_user_assigned_identity.ci[each.key].id
  audience  = ["api://AzureADTokenExchange"]
  issuer    = "[=model.ci().issuer()]"
  subject   = each.value
}

# az acr login reads the registry (Reader) and pushes to it (AcrPush)
resource "azurerm_role_assignment" "push" {
  for_each             = toset(["AcrPush", "Reader"])
  scope                = var.registry_id
  role_definition_name = each.value
  principal_id         = azurerm_user_assigned_identity.ci["push"].principal_id
  principal_type       = "ServicePrincipal"
}
<#if model.cluster??>

# the cluster's API server is private: the deploy job runs kubectl in it through Azure Resource Manager
# (az aks command invoke), which needs the cluster read and run command's two actions
# (https://learn.microsoft.com/azure/aks/access-private-cluster), assigned on this cluster alone; the
# command then acts in the cluster as this identity, whose Azure RBAC for Kubernetes is below. The role is
# defined for the resource group and assigned on the cluster: Azure advises against a resource in a custom
# role's assignable scopes, the assignment's scope being what limits the access
# (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#assignablescopes)
resource "azurerm_role_definition" "deploy_run_command" {
  name        = "${var.name}-deploy-run-command"
  scope       = var.resource_group_id
  description = "az aks command invoke, assigned on ${var.name}'s cluster alone"
  permissions {
    actions = [
      "Microsoft.ContainerService/managedClusters/read",
      "Microsoft.ContainerService/managedClusters/runcommand/action",
      "Microsoft.ContainerService/managedclusters/commandResults/read",
    ]
  }
  assignable_scopes = [var.resource_group_id]
}

resource "azurerm_role_assignment" "deploy_cluster" {
  scope              = var.cluster_id
  role_definition_id = azurerm_role_definition.deploy_run_command.role_definition_resource_id
  principal_id       = azurerm_user_assigned_identity.ci["deploy"].principal_id
  principal_type     = "ServicePrincipal"
}

# the deploy job reads the client id of the secret store's managed identity (az identity show) into the
# manifests: read (Reader) on that identity alone
resource "azurerm_role_assignment" "deploy_secret_store_identity" {
  scope                = var.secret_store_identity_id
  role_definition_name = "Reader"
  principal_id         = azurerm_user_assigned_identity.ci["deploy"].principal_id
  principal_type       = "ServicePrincipal"
}

# in the cluster, through Azure RBAC for Kubernetes: write in the project's namespace alone (RBAC Writer, scoped to
# the namespace), whose data actions name built-in resources only; the custom resources the overlays apply are a
# Kubernetes Role bound to this identity's object id (deploy/k8s/access/), as Kubernetes RBAC applies beside Azure
# RBAC (https://learn.microsoft.com/azure/aks/manage-azure-rbac)
resource "azurerm_role_assignment" "deploy" {
  scope                = "${var.cluster_id}/namespaces/${var.namespace}"
  role_definition_name = "Azure Kubernetes Service RBAC Writer"
  principal_id         = azurerm_user_assigned_identity.ci["deploy"].principal_id
  principal_type       = "ServicePrincipal"
}
<#elseif model.managedContainers || model.machines?has_content>

# the deploy job updates <#if model.managedContainers>the Container Apps<#else>the scale sets</#if> of this root's resource group, and no other
resource "azurerm_role_assignment" "deploy" {
  scope                = var.resource_group_id
  role_definition_name = "[=model.managedContainers?then("Contributor", "Virtual Machine Contributor")]"
  principal_id         = azurerm_user_assigned_identity.ci["deploy"].principal_id
  principal_type       = "ServicePrincipal"
}
</#if>

output "push_client_id" {
  value = azurerm_user_assigned_identity.ci["push"].client_id
}

output "deploy_client_id" {
  value = azurerm_user_assigned_identity.ci["deploy"].client_id
}

<#if model.cluster??>
# the deploy identity's object id, which deploy/k8s/access/ binds the Role of the custom resources to
output "deploy_principal_id" {
  value = azurerm_user_assigned_identity.ci["deploy"].principal_id
}

</#if>
output "tenant_id" {
  value = azurerm_user_assigned_identity.ci["deploy"].tenant_id
}
