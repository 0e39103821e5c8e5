<#-- infra/modules/runtime-vm/main.tf (AWS). Model: EnvView of prod (runtime vm). -->
# The runtime the deployment decision chose: virtual machines. Each deployable is an auto scaling
# group across the private subnets' zones, booting Ubuntu 24.04 LTS with the user data of
# deploy/vm/<name>.cloud-init.yaml, under an instance profile of its own role (module identity:
# its own secret, plus the CloudWatch agent and SSM Session Manager, no SSH). Its security group
# admits the service port from inside the network only. An internal Application Load Balancer
# answers each deployable's name in the private zone (<name>.[=model.zone]:[=model.port?c]), which the
# other deployables call<#if model.publicDeployables()?has_content>; a public one serves the public path prefixes over HTTPS</#if>.
# New versions are the deploy workflow's: it adds a launch template version with the new user data
# and starts an instance refresh, so the template ignores user_data changes here.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

variable "namespace" {
  type        = string
  description = "what this root's log groups, launch templates and auto scaling groups are named after: <project>, and in dev and staging the root's name (names are unique in the account and region)"
}

variable "machines" {
  type        = map(object({ type = string, min = number, max = number }))
  description = "deployable => its machine type and the group's bounds (CAPACITY.md)"
}

variable "internal_load_balancer" {
  type        = string
  description = "the internal load balancer's name, which ends in the root's name but in prod: unique per account and region"
}

variable "internal_target_groups" {
  type        = map(string)
  description = "each deployable => its internal target group's name, which ends in the root's name but in prod"
}
<#if model.publicDeployables()?has_content>

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
  description = "the deployables that take traffic from outside, behind the public load balancer"
}

variable "routes" {
  type        = map(object({ service = string, path = string, priority = number }))
  description = "each public path prefix (as the gateway routes it) => the service behind it"
}

variable "certificate_arn" {
  type        = string
  description = "the ACM certificate of the public host name, for the load balancer's HTTPS listener"
}

variable "public_subnet_ids" {
  type = list(string)
}
</#if>

variable "zone" {
  type        = string
  description = "the private DNS zone each deployable's name is in"
}

variable "port" {
  type = number
}

variable "health_path" {
  type = string
}

variable "user_data" {
  type        = string
  description = "the folder of the user data the workspace holds (deploy/vm)"
}

variable "role_arns" {
  type        = map(string)
  description = "deployable => the role its machines run as (module identity)"
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

# Canonical's current Ubuntu 24.04 LTS image, as AWS publishes its id
data "aws_ssm_parameter" "ubuntu" {
  name = "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"
}

resource "aws_cloudwatch_log_group" "this" {
  for_each          = var.machines
  name              = "/vm/${var.namespace}/${each.key}"
  retention_in_days = var.log_days
  kms_key_id        = var.kms_key_arn
  tags              = merge(var.tags, { service = each.key })
}

resource "aws_iam_role_policy_attachment" "logs" {
  for_each   = var.machines
  role       = element(split("/", var.role_arns[each.key]), 1)
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
}

resource "aws_iam_role_policy_attachment" "session_manager" {
  for_each   = var.machines
  role       = element(split("/", var.role_arns[each.key]), 1)
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# Podman pulls the image from the project's ECR repositories with the machine's role
resource "aws_iam_role_policy_attachment" "pull" {
  for_each   = var.machines
  role       = element(split("/", var.role_arns[each.key]), 1)
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"
}

resource "aws_iam_instance_profile" "this" {
  for_each = var.machines
  name     = "${var.project}-${each.key}${var.name_suffix}"
  role     = element(split("/", var.role_arns[each.key]), 1)
  tags     = merge(var.tags, { service = each.key })
}

resource "aws_security_group" "machine" {
  for_each = var.machines
  name     = "${var.project}-${each.key}-vm"
  vpc_id   = var.vpc_id
  ingress {
    description = "the load balancers, inside the network"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  egress {
    description = "the data stores, the other services, the registry and the cloud APIs"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = merge(var.tags, { service = each.key })
}

resource "aws_launch_template" "this" {
  for_each               = var.machines
  name                   = "${var.namespace}-${each.key}"
  image_id               = data.aws_ssm_parameter.ubuntu.value
  instance_type          = each.value.type
  user_data              = base64encode(file(format("%s/%s.cloud-init.yaml", var.user_data, each.key)))
  vpc_security_group_ids = [aws_security_group.machine[each.key].id]
  update_default_version = true
  iam_instance_profile {
    arn = aws_iam_instance_profile.this[each.key].arn
  }
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  block_device_mappings {
    device_name = "/dev/sda1"
    ebs {
      volume_size = 20
      volume_type = "gp3"
      encrypted   = true
      kms_key_id  = var.kms_key_arn
    }
  }
  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { service = each.key })
  }
  lifecycle {
    ignore_changes = [user_data, image_id]
  }
  tags = merge(var.tags, { service = each.key })
}

resource "aws_autoscaling_group" "this" {
  for_each                  = var.machines
  name                      = "${var.namespace}-${each.key}"
  min_size                  = each.value.min
  max_size                  = each.value.max
  vpc_zone_identifier       = var.subnet_ids
  health_check_type         = "ELB"
  health_check_grace_period = 300
  target_group_arns         = concat([aws_lb_target_group.internal[each.key].arn]<#if model.publicDeployables()?has_content>, contains(var.public, each.key) ? [aws_lb_target_group.public[each.key].arn] : []</#if>)
  launch_template {
    id      = aws_launch_template.this[each.key].id
    version = "$Default"
  }
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 100
      max_healthy_percentage = 200
    }
  }
  dynamic "tag" {
    for_each = merge(var.tags, { service = each.key })
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

resource "aws_autoscaling_policy" "cpu" {
  for_each               = var.machines
  name                   = "cpu"
  autoscaling_group_name = aws_autoscaling_group.this[each.key].name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}

resource "aws_security_group" "internal" {
  name   = "${var.project}-internal"
  vpc_id = var.vpc_id
  ingress {
    description = "the deployables, inside the network"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  egress {
    description = "the machines"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_lb" "internal" {
  name                       = var.internal_load_balancer
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = var.subnet_ids
  security_groups            = [aws_security_group.internal.id]
  drop_invalid_header_fields = true
  tags                       = var.tags
}

resource "aws_lb_target_group" "internal" {
  for_each = var.machines
  name     = var.internal_target_groups[each.key]
  port     = var.port
  protocol = "HTTP"
  vpc_id   = var.vpc_id
  health_check {
    path    = var.health_path
    matcher = "200"
  }
  tags = merge(var.tags, { service = each.key })
}

resource "aws_lb_listener" "internal" {
  load_balancer_arn = aws_lb.internal.arn
  port              = var.port
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
  tags = var.tags
}

resource "aws_lb_listener_rule" "internal" {
  for_each     = var.machines
  listener_arn = aws_lb_listener.internal.arn
  priority     = index(sort(keys(var.machines)), each.key) + 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.internal[each.key].arn
  }
  condition {
    host_header {
      values = ["${each.key}.${var.zone}"]
    }
  }
  tags = var.tags
}
<#if model.publicDeployables()?has_content>

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
    description = "the machines"
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_lb" "public" {
  name                       = var.load_balancer
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.load_balancer.id]
  drop_invalid_header_fields = true
  tags                       = var.tags
}

resource "aws_lb_target_group" "public" {
  for_each = toset(var.public)
  name     = var.target_groups[each.value]
  port     = var.port
  protocol = "HTTP"
  vpc_id   = var.vpc_id
  health_check {
    path    = var.health_path
    matcher = "200"
  }
  tags = merge(var.tags, { service = each.value })
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
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

resource "aws_lb_listener_rule" "public" {
  for_each     = var.routes
  listener_arn = aws_lb_listener.https.arn
  priority     = each.value.priority
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.public[each.value.service].arn
  }
  condition {
    path_pattern {
      values = [each.value.path, "${each.value.path}/*"]
    }
  }
  tags = var.tags
}

output "load_balancer_dns_name" {
  value = aws_lb.public.dns_name
}

output "load_balancer_zone_id" {
  description = "the load balancer's Route 53 zone, which an alias record of the public host names"
  value       = aws_lb.public.zone_id
}
</#if>

output "group_names" {
  value = { for name, group in aws_autoscaling_group.this : name => group.name }
}

output "internal_address" {
  description = "the internal load balancer, which each deployable's name in the private zone points at"
  value       = aws_lb.internal.dns_name
}
