# The runtime the deployment decision chose: ECS on Fargate. This module creates what the
# descriptors in deploy/ecs/ name: the cluster and its Service Connect namespace (both var.cluster:
# the project, and outside prod the root), each service's log group, execution role and security group, and an Application
# Load Balancer with a target group per public service; and each service with its first task
# definition, read from deploy/ecs/<name>.task-definition.json and .service.json (the placeholder
# account, subnets, security group and target group there are replaced by what this module creates).
# Later revisions are the deploy workflow's: it registers the task definition again and updates the
# service, so the service ignores task_definition and desired_count changes here. Application Auto
# Scaling sets the desired count of each service between its bounds (var.scaling: in production the
# availability target's replica floor and CAPACITY.md's maximum), tracking the average CPU use.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

variable "deployables" {
  type = list(string)
}

variable "namespace" {
  type        = string
  description = "what this root's log groups are named after: <project>, and in dev and staging the root's name (names are unique in the account and region)"
}

variable "cluster" {
  type        = string
  description = "the ECS cluster's and Service Connect namespace's name, which ends in the root's name but in prod: unique per account and region"
}

variable "load_balancer" {
  type        = string
  description = "the public load balancer's name, which ends in the root's name but in prod: unique per account and region"
}

variable "target_groups" {
  type        = map(string)
  description = "each public deployable => its target group's name, which ends in the root's name but in prod"
}

variable "public" {
  type        = list(string)
  description = "the deployables that take traffic from outside, behind the load balancer"
}

variable "routes" {
  type        = map(object({ service = string, path = string, priority = number }))
  description = "each public path prefix (as the gateway routes it) => the service behind it"
}

variable "port" {
  type        = number
  description = "the port every service listens on"
}

variable "health_path" {
  type = string
}

variable "descriptors" {
  type        = string
  description = "the folder of the ECS descriptors the workspace holds (deploy/ecs)"
}

variable "task_role_arns" {
  type        = map(string)
  description = "deployable => the role its tasks run as (module identity)"
}

variable "repository_urls" {
  type        = map(string)
  description = "deployable => its ECR repository in this root (module registry), which its task definition names"
}

variable "secret_arns" {
  type        = map(string)
  description = "deployable => the ARN of its secret entry"
}

variable "certificate_arn" {
  type        = string
  description = "the ACM certificate of the public host name, for the load balancer's HTTPS listener"
}

variable "scaling" {
  type        = map(object({ min = number, max = number }))
  description = "deployable => the fewest and most tasks its service runs"
}

variable "cpu_target" {
  type        = number
  description = "the average CPU use, in percent, each service's autoscaling holds"
}

variable "log_days" {
  type = number
}

variable "vpc_id" {
  type = string
}

variable "allowed_cidr" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "public_subnet_ids" {
  type = list(string)
}

variable "kms_key_arn" {
  type = string
}

variable "name_suffix" {
  type        = string
  default     = ""
  description = "appended to the IAM names, which are global to the account: the second region's root, in production's account, sets its region"
}

variable "tags" {
  type = map(string)
}

locals {
  task    = { for d in var.deployables : d => jsondecode(file(format("%s/%s.task-definition.json", var.descriptors, d))) }
  service = { for d in var.deployables : d => jsondecode(file(format("%s/%s.service.json", var.descriptors, d))) }
  # each container's secrets by the ARN of the entry this project created, its log group this root's, and the
  # deployable's image from this root's repository (the descriptor names a placeholder account, and production's names)
  images     = { for d in var.deployables : d => format("/^[0-9]+[.]dkr[.]ecr[.][-0-9a-z]+[.]amazonaws[.]com/%s/%s:/", var.project, d) }
  containers = { for d in var.deployables : d => [for c in local.task[d].containerDefinitions : merge(c, { image = replace(c.image, local.images[d], format("%s:", var.repository_urls[d])), logConfiguration = merge(c.logConfiguration, { options = merge(c.logConfiguration.options, { "awslogs-group" = aws_cloudwatch_log_group.this[d].name }) }), secrets = [for s in lookup(c, "secrets", []) : { name = s.name, valueFrom = format("%s:%s::", var.secret_arns[d], s.name) }] })] }
}

resource "aws_ecs_cluster" "this" {
  name = var.cluster
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = var.tags
}

resource "aws_service_discovery_http_namespace" "this" {
  name = var.cluster
  tags = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  for_each          = toset(var.deployables)
  name              = "/ecs/${var.namespace}/${each.value}"
  retention_in_days = var.log_days
  kms_key_id        = var.kms_key_arn
  tags              = merge(var.tags, { service = each.value })
}

data "aws_iam_policy_document" "execution" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  for_each           = toset(var.deployables)
  name               = "${var.project}-${each.value}-execution${var.name_suffix}"
  assume_role_policy = data.aws_iam_policy_document.execution.json
  tags               = merge(var.tags, { service = each.value })
}

resource "aws_iam_role_policy_attachment" "execution" {
  for_each   = toset(var.deployables)
  role       = aws_iam_role.execution[each.value].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# the secrets are injected at start by ECS: the execution role reads the service's own entry only
resource "aws_iam_role_policy" "execution_secret" {
  for_each = var.secret_arns
  name     = "read-own-secret"
  role     = aws_iam_role.execution[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = [each.value] },
      { Effect = "Allow", Action = ["kms:Decrypt"], Resource = [var.kms_key_arn] }
    ]
  })
}

resource "aws_security_group" "service" {
  for_each = toset(var.deployables)
  name     = "${var.project}-${each.value}"
  vpc_id   = var.vpc_id
  ingress {
    description = "the load balancer and the other services, inside the network"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  egress {
    description = "the data stores, the other services and the cloud APIs"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = merge(var.tags, { service = each.value })
}

resource "aws_ecs_task_definition" "this" {
  for_each                 = toset(var.deployables)
  family                   = local.task[each.value].family
  network_mode             = local.task[each.value].networkMode
  requires_compatibilities = local.task[each.value].requiresCompatibilities
  cpu                      = local.task[each.value].cpu
  memory                   = local.task[each.value].memory
  task_role_arn            = var.task_role_arns[each.value]
  execution_role_arn       = aws_iam_role.execution[each.value].arn
  container_definitions    = jsonencode(local.containers[each.value])
  runtime_platform {
    cpu_architecture        = local.task[each.value].runtimePlatform.cpuArchitecture
    operating_system_family = local.task[each.value].runtimePlatform.operatingSystemFamily
  }
  dynamic "volume" {
    for_each = local.task[each.value].volumes
    content {
      name = volume.value.name
    }
  }
  tags       = merge(var.tags, { service = each.value })
  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_ecs_service" "this" {
  for_each                          = toset(var.deployables)
  name                              = local.service[each.value].serviceName
  cluster                           = aws_ecs_cluster.this.id
  task_definition                   = aws_ecs_task_definition.this[each.value].arn
  desired_count                     = local.service[each.value].desiredCount
  launch_type                       = "FARGATE"
  propagate_tags                    = "SERVICE"
  enable_ecs_managed_tags           = true
  health_check_grace_period_seconds = lookup(local.service[each.value], "healthCheckGracePeriodSeconds", null)
  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.service[each.value].id]
    assign_public_ip = false
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  dynamic "load_balancer" {
    for_each = contains(var.public, each.value) ? [each.value] : []
    content {
      target_group_arn = aws_lb_target_group.this[load_balancer.value].arn
      container_name   = load_balancer.value
      container_port   = var.port
    }
  }
  service_connect_configuration {
    enabled   = true
    namespace = aws_service_discovery_http_namespace.this.arn
    dynamic "service" {
      for_each = local.service[each.value].serviceConnectConfiguration.services
      content {
        port_name      = service.value.portName
        discovery_name = service.value.discoveryName
        dynamic "client_alias" {
          for_each = service.value.clientAliases
          content {
            port     = client_alias.value.port
            dns_name = client_alias.value.dnsName
          }
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
  tags = merge(var.tags, { service = each.value })
}

resource "aws_appautoscaling_target" "this" {
  for_each           = var.scaling
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this[each.key].name}"
  min_capacity       = each.value.min
  max_capacity       = each.value.max
  tags               = merge(var.tags, { service = each.key })
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each           = var.scaling
  name               = "${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_security_group" "load_balancer" {
  name   = "${var.project}-public"
  vpc_id = var.vpc_id
  ingress {
    description = "HTTPS from the internet"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    description = "the services"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_lb" "this" {
  name                       = var.load_balancer
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.load_balancer.id]
  drop_invalid_header_fields = true
  tags                       = var.tags
}

resource "aws_lb_target_group" "this" {
  for_each    = toset(var.public)
  name        = var.target_groups[each.value]
  port        = var.port
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    path    = var.health_path
    matcher = "200"
  }
  tags = merge(var.tags, { service = each.value })
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
  tags = var.tags
}

resource "aws_lb_listener_rule" "this" {
  for_each     = var.routes
  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[each.value.service].arn
  }
  condition {
    path_pattern {
      values = [each.value.path, "${each.value.path}/*"]
    }
  }
  tags = var.tags
}


output "cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "execution_role_arns" {
  value = zipmap(keys(aws_iam_role.execution), values(aws_iam_role.execution)[*].arn)
}

output "security_group_ids" {
  value = zipmap(keys(aws_security_group.service), values(aws_security_group.service)[*].id)
}

output "target_group_arns" {
  value = zipmap(keys(aws_lb_target_group.this), values(aws_lb_target_group.this)[*].arn)
}

output "load_balancer_dns_name" {
  value = aws_lb.this.dns_name
}

output "load_balancer_zone_id" {
  description = "the load balancer's Route 53 zone, which an alias record of the public host names"
  value       = aws_lb.this.zone_id
}
