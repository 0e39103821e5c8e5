<#-- infra/modules/runtime-kubernetes/main.tf (Azure). Model: EnvView of prod (with a cluster). -->
# The runtime the deployment decision chose: a private AKS cluster over three zones with the OIDC
# issuer and Workload Identity, Azure network policies, secrets encrypted with the environment's key
# (KMS etcd encryption), and an autoscaled system node pool. The deploy jobs reach its private API
# server with run command (az aks command invoke), through Azure Resource Manager.
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

variable "kubernetes_version" {
  type = string
}

variable "node_type" {
  type = string
}

variable "min_nodes" {
  type = number
}

variable "max_nodes" {
  type = number
}

variable "subnet_id" {
  type = string
}

variable "key_id" {
  type = string
}

variable "admins" {
  type        = list(string)
  description = "the Microsoft Entra object ids granted Azure Kubernetes Service RBAC Cluster Admin"
}

variable "tags" {
  type = map(string)
}

data "azurerm_client_config" "current" {}

resource "azurerm_kubernetes_cluster" "this" {
  name                      = var.name
  location                  = var.location
  resource_group_name       = var.resource_group_name
  dns_prefix                = var.name
  kubernetes_version        = var.kubernetes_version
  private_cluster_enabled   = true
  # the API server has no public address: the deploy jobs run kubectl inside the cluster through
  # Azure Resource Manager (az aks command invoke), as their own identity
  run_command_enabled       = true
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  # Microsoft Entra sign-in and Azure RBAC for Kubernetes, no local accounts: who may do what in the
  # cluster is an Azure role assignment (the CI deploy identity's: infra/modules/ci-identity)
  local_account_disabled    = true
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
    tenant_id          = data.azurerm_client_config.current.tenant_id
  }
  default_node_pool {
    name                 = "system"
    vm_size              = var.node_type
    vnet_subnet_id       = var.subnet_id
    auto_scaling_enabled = true
    min_count            = var.min_nodes
    max_count            = var.max_nodes
    zones                = ["1", "2", "3"]
  }
  identity {
    type = "SystemAssigned"
  }
  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
    # explicit outbound (new virtual networks get no default outbound access): the cluster's load
    # balancer's outbound rules, so the nodes subnet takes no NAT gateway (infra/modules/network)
    outbound_type  = "loadBalancer"
  }
  key_management_service {
    key_vault_key_id = var.key_id
  }
  tags = var.tags
}

# the administrators: with local accounts disabled and Azure RBAC, nobody is cluster admin but those named
# here (they install the External Secrets Operator and its CRDs, infra/README.md)
resource "azurerm_role_assignment" "admin" {
  for_each             = toset(var.admins)
  scope                = azurerm_kubernetes_cluster.this.id
  role_definition_name = "Azure Kubernetes Service RBAC Cluster Admin"
  principal_id         = each.value
}

output "id" {
  value = azurerm_kubernetes_cluster.this.id
}

output "oidc_issuer_url" {
  value = azurerm_kubernetes_cluster.this.oidc_issuer_url
}

output "kubelet_principal_id" {
  value = azurerm_kubernetes_cluster.this.kubelet_identity[0].object_id
}
