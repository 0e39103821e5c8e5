<#-- infra/modules/runtime-vm/main.tf (Azure). Model: EnvView of prod (runtime vm). -->
# The runtime the deployment decision chose: virtual machines. Each deployable is a Linux virtual
# machine scale set across the region's three zones, booting Ubuntu 24.04 LTS (trusted launch) with
# the user data of deploy/vm/<name>.cloud-init.yaml as its custom data, under its own user-assigned
# managed identity (module identity: its own secret). No public address, no password: SSH keys only,
# and no rule lets SSH in. The Application Health extension reports the readiness path: a rolling
# upgrade replaces machines in batches (new ones first) and stops when new ones are unhealthy, and
# automatic repairs replace a machine that stays unhealthy. Autoscale holds the CPU target between
# the group's bounds. Each scale set's network security group admits the service port from inside
# the network and from the load balancers' probes, and denies the rest. An internal load balancer
# answers the name of each deployable others call in the private zone (<name>.[=model.zone]:[=model.port?c])<#if model.publicDeployables()?has_content>; an Application Gateway serves the public path prefixes over HTTPS</#if>.
# New versions are the deploy workflow's: it gives each scale set the new custom data and waits for
# the rolling upgrade, so the scale set ignores custom_data changes here.
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

variable "machines" {
  type        = map(object({ type = string, min = number, max = number, called = bool }))
  description = "deployable => its machine type, the scale set's bounds (CAPACITY.md) and whether others call it"
}

locals {
  # the deployables others call at their name in the private zone: each gets an internal load balancer
  called = { for name, m in var.machines : name => m if m.called }
}
<#if model.publicDeployables()?has_content>

variable "public" {
  type        = list(string)
  description = "the deployables that take traffic from outside, behind the Application Gateway"
}

variable "routes" {
  type        = map(object({ service = string, path = string, priority = number }))
  description = "each public path prefix (as the gateway routes it) => the service behind it"
}

variable "certificate_secret_id" {
  type        = string
  description = "the secret id (https://<vault>.vault.azure.net/secrets/<name>) of the public host name's certificate in the root's Key Vault, for the gateway's HTTPS listener"
}

variable "key_vault_id" {
  type = string
}

variable "vnet_id" {
  type = string
}

variable "gateway_cidr" {
  type        = string
  description = "the address range of the Application Gateway's own subnet"
}
</#if>

variable "port" {
  type = number
}

variable "health_path" {
  type = string
}

variable "cpu_target" {
  type        = number
  description = "the average CPU use (percent) autoscale holds, as the HorizontalPodAutoscalers do"
}

variable "user_data" {
  type        = string
  description = "the folder of the user data the workspace holds (deploy/vm)"
}

variable "identity_ids" {
  type        = map(string)
  description = "deployable => the user-assigned identity its machines run as (module identity)"
}

variable "registry_id" {
  type        = string
  description = "the container registry the machines pull their images from (module registry)"
}

variable "principal_ids" {
  type        = map(string)
  description = "deployable => the principal of the identity its machines run as, which may pull (AcrPull)"
}

variable "key_vault" {
  type        = string
  description = "the Key Vault the user data reads secrets from (tag key-vault, which the machines read)"
}

variable "admin_ssh_public_key" {
  type        = string
  description = "the OpenSSH public key of the break-glass administrator (no rule admits SSH)"
}

variable "subnet_id" {
  type = string
}

variable "allowed_cidr" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "azurerm_network_security_group" "machine" {
  for_each            = var.machines
  name                = "${var.project}-${each.key}-vm"
  location            = var.location
  resource_group_name = var.resource_group_name
  security_rule {
    name                       = "service"
    description                = "the service port, from inside the network"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = tostring(var.port)
    source_address_prefix      = var.allowed_cidr
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "probes"
    description                = "the load balancers' health probes"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = tostring(var.port)
    source_address_prefix      = "AzureLoadBalancer"
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "deny"
    description                = "nothing else"
    priority                   = 4096
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
  tags = merge(var.tags, { service = each.key })
}

resource "azurerm_lb" "internal" {
  for_each            = local.called
  name                = "${var.project}-${each.key}-internal"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "Standard"
  frontend_ip_configuration {
    name                          = "internal"
    subnet_id                     = var.subnet_id
    private_ip_address_allocation = "Dynamic"
    zones                         = ["1", "2", "3"]
  }
  tags = merge(var.tags, { service = each.key })
}

resource "azurerm_lb_backend_address_pool" "internal" {
  for_each        = local.called
  name            = each.key
  loadbalancer_id = azurerm_lb.internal[each.key].id
}

resource "azurerm_lb_probe" "ready" {
  for_each            = local.called
  name                = "ready"
  loadbalancer_id     = azurerm_lb.internal[each.key].id
  protocol            = "Http"
  port                = var.port
  request_path        = var.health_path
  interval_in_seconds = 10
  number_of_probes    = 3
}

resource "azurerm_lb_rule" "internal" {
  for_each                       = local.called
  name                           = "service"
  loadbalancer_id                = azurerm_lb.internal[each.key].id
  frontend_ip_configuration_name = "internal"
  protocol                       = "Tcp"
  frontend_port                  = var.port
  backend_port                   = var.port
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.internal[each.key].id]
  probe_id                       = azurerm_lb_probe.ready[each.key].id
}

resource "azurerm_linux_virtual_machine_scale_set" "this" {
  for_each                        = var.machines
  name                            = "${var.project}-${each.key}"
  computer_name_prefix            = each.key
  resource_group_name             = var.resource_group_name
  location                        = var.location
  sku                             = each.value.type
  instances                       = each.value.min
  zones                           = ["1", "2", "3"]
  zone_balance                    = true
  admin_username                  = "azureuser"
  disable_password_authentication = true
  custom_data                     = base64encode(file(format("%s/%s.cloud-init.yaml", var.user_data, each.key)))
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  upgrade_mode                    = "Rolling"
  admin_ssh_key {
    username   = "azureuser"
    public_key = var.admin_ssh_public_key
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "StandardSSD_LRS"
    disk_size_gb         = 30
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_ids[each.key]]
  }
  network_interface {
    name                      = "service"
    primary                   = true
    network_security_group_id = azurerm_network_security_group.machine[each.key].id
    ip_configuration {
      name                                         = "service"
      primary                                      = true
      subnet_id                                    = var.subnet_id
      load_balancer_backend_address_pool_ids       = each.value.called ? [azurerm_lb_backend_address_pool.internal[each.key].id] : []
<#if model.publicDeployables()?has_content>
      application_gateway_backend_address_pool_ids = contains(var.public, each.key) ? [for pool in azurerm_application_gateway.public.backend_address_pool : pool.id if pool.name == each.key] : []
</#if>
    }
  }
  extension {
    name                       = "health"
    publisher                  = "Microsoft.ManagedServices"
    type                       = "ApplicationHealthLinux"
    type_handler_version       = "2.0"
    auto_upgrade_minor_version = true
    settings                   = jsonencode({ protocol = "http", port = var.port, requestPath = var.health_path })
  }
  rolling_upgrade_policy {
    max_batch_instance_percent              = 20
    max_unhealthy_instance_percent          = 20
    max_unhealthy_upgraded_instance_percent = 5
    pause_time_between_batches              = "PT0S"
    maximum_surge_instances_enabled         = true
  }
  automatic_instance_repair {
    enabled      = true
    grace_period = "PT10M"
  }
  lifecycle {
    ignore_changes = [instances, custom_data]
  }
  tags = merge(var.tags, { service = each.key, key-vault = var.key_vault })
}

resource "azurerm_monitor_autoscale_setting" "this" {
  for_each            = var.machines
  name                = "${var.project}-${each.key}"
  resource_group_name = var.resource_group_name
  location            = var.location
  target_resource_id  = azurerm_linux_virtual_machine_scale_set.this[each.key].id
  profile {
    name = "cpu"
    capacity {
      default = each.value.min
      minimum = each.value.min
      maximum = each.value.max
    }
    rule {
      metric_trigger {
        metric_name        = "Percentage CPU"
        metric_resource_id = azurerm_linux_virtual_machine_scale_set.this[each.key].id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT5M"
        time_aggregation   = "Average"
        operator           = "GreaterThan"
        threshold          = var.cpu_target
      }
      scale_action {
        direction = "Increase"
        type      = "ChangeCount"
        value     = "1"
        cooldown  = "PT5M"
      }
    }
    rule {
      metric_trigger {
        metric_name        = "Percentage CPU"
        metric_resource_id = azurerm_linux_virtual_machine_scale_set.this[each.key].id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT10M"
        time_aggregation   = "Average"
        operator           = "LessThan"
        threshold          = floor(var.cpu_target / 2)
      }
      scale_action {
        direction = "Decrease"
        type      = "ChangeCount"
        value     = "1"
        cooldown  = "PT10M"
      }
    }
  }
  tags = merge(var.tags, { service = each.key })
}
<#if model.publicDeployables()?has_content>

resource "azurerm_subnet" "gateway" {
  name                 = "gateway"
  resource_group_name  = var.resource_group_name
  virtual_network_name = element(split("/", var.vnet_id), 8)
  address_prefixes     = [var.gateway_cidr]
}

resource "azurerm_public_ip" "gateway" {
  name                = "${var.project}-public"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
  tags                = var.tags
}

# the gateway reads the certificate from Key Vault with an identity of its own
resource "azurerm_user_assigned_identity" "gateway" {
  name                = "${var.project}-gateway"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "gateway_certificate" {
  scope                = "${var.key_vault_id}/secrets/${element(split("/", var.certificate_secret_id), 4)}"
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.gateway.principal_id
}

resource "azurerm_application_gateway" "public" {
  name                = "${var.project}-public"
  location            = var.location
  resource_group_name = var.resource_group_name
  zones               = ["1", "2", "3"]
  sku {
    name = "Standard_v2"
    tier = "Standard_v2"
  }
  autoscale_configuration {
    min_capacity = 2
    max_capacity = 10
  }
  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.gateway.id]
  }
  gateway_ip_configuration {
    name      = "gateway"
    subnet_id = azurerm_subnet.gateway.id
  }
  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.gateway.id
  }
  frontend_port {
    name = "https"
    port = 443
  }
  ssl_certificate {
    name                = "public"
    key_vault_secret_id = var.certificate_secret_id
  }
  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }
  http_listener {
    name                           = "https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "https"
    protocol                       = "Https"
    ssl_certificate_name           = "public"
  }
  dynamic "backend_address_pool" {
    for_each = toset(var.public)
    content {
      name = backend_address_pool.value
    }
  }
  dynamic "probe" {
    for_each = toset(var.public)
    content {
      name                = probe.value
      protocol            = "Http"
      host                = "127.0.0.1"
      path                = var.health_path
      interval            = 10
      timeout             = 5
      unhealthy_threshold = 3
    }
  }
  dynamic "backend_http_settings" {
    for_each = toset(var.public)
    content {
      name                  = backend_http_settings.value
      cookie_based_affinity = "Disabled"
      port                  = var.port
      protocol              = "Http"
      request_timeout       = 30
      probe_name            = backend_http_settings.value
    }
  }
  url_path_map {
    name                               = "routes"
    default_backend_address_pool_name  = var.public[0]
    default_backend_http_settings_name = var.public[0]
    dynamic "path_rule" {
      for_each = var.routes
      content {
        name                       = replace(path_rule.key, "/[^A-Za-z0-9_.-]/", "-")
        paths                      = [path_rule.value.path, "${path_rule.value.path}/*"]
        backend_address_pool_name  = path_rule.value.service
        backend_http_settings_name = path_rule.value.service
      }
    }
  }
  request_routing_rule {
    name               = "routes"
    rule_type          = "PathBasedRouting"
    http_listener_name = "https"
    url_path_map_name  = "routes"
    priority           = 10
  }
  tags       = var.tags
  depends_on = [azurerm_role_assignment.gateway_certificate]
}

# each deployable's machines pull its image with their identity: no registry password
resource "azurerm_role_assignment" "pull" {
  for_each             = var.principal_ids
  scope                = var.registry_id
  role_definition_name = "AcrPull"
  principal_id         = each.value
}

output "public_address" {
  value = azurerm_public_ip.gateway.ip_address
}
</#if>

output "group_names" {
  value = { for name, group in azurerm_linux_virtual_machine_scale_set.this : name => group.name }
}

output "internal_addresses" {
  description = "deployable => its internal load balancer's address, which its name in the private zone points at"
  value       = { for name, lb in azurerm_lb.internal : name => lb.frontend_ip_configuration[0].private_ip_address }
}
