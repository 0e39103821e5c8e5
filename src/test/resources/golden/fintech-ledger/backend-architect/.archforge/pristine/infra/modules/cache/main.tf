# The cache: ElastiCache for Redis, encrypted at rest with the project's key and in transit, with
# a replica in another zone and automatic failover when nodes is 2. The AUTH token is the
# CACHE_PASSWORD the deployables read from the secret manager; it is passed at apply time
# (TF_VAR_cache_auth_token), never written in a file.
# No snapshots: the caching decision keeps it cache-aside, so every entry is a copy of a database
# row, the services work while it is down, and a replacement starts empty and refills.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "node_type" {
  type = string
}

variable "nodes" {
  type = number
}

variable "failover" {
  type = bool
}

variable "auth_token" {
  type      = string
  sensitive = true
}

variable "kms_key_arn" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "allowed_cidr" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name   = "${var.name}-cache"
  vpc_id = var.vpc_id
  ingress {
    description = "the private subnets of the cluster"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = var.name
  description                = "Redis of ${var.name}"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.node_type
  num_cache_clusters         = var.nodes
  automatic_failover_enabled = var.failover
  multi_az_enabled           = var.failover
  port                       = 6379
  at_rest_encryption_enabled = true
  kms_key_id                 = var.kms_key_arn
  transit_encryption_enabled = true
  auth_token                 = var.auth_token
  snapshot_retention_limit   = 0
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.this.id]
  tags                       = var.tags
}

output "address" {
  value = aws_elasticache_replication_group.this.primary_endpoint_address
}
