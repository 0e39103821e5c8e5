# The broker: Amazon MSK (Kafka), one broker per zone, encrypted at rest with the project's key and
# in transit (TLS between clients and brokers and inside the cluster). Clients authenticate with
# SASL/SCRAM (port 9096): the user is the Secrets Manager entry AmazonMSK_<name>, created here
# and associated with the cluster. No value is written here: a person puts {"username": …,
# "password": …} in it (the BROKER_USERNAME and BROKER_PASSWORD of the services' own entries) after
# `tofu apply -target=module.broker.aws_secretsmanager_secret.scram` and before the full apply, since
# MSK reads the user when the entry is associated.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type = string
}

variable "instance_type" {
  type = string
}

variable "nodes" {
  type = number
}

variable "storage_gb" {
  type = number
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

resource "aws_security_group" "this" {
  name   = "${var.name}-broker"
  vpc_id = var.vpc_id
  ingress {
    description = "the private subnets of the cluster"
    from_port   = 9096
    to_port     = 9096
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = "3.7.x"
  number_of_broker_nodes = var.nodes
  broker_node_group_info {
    instance_type   = var.instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.storage_gb
      }
    }
  }
  encryption_info {
    encryption_at_rest_kms_key_arn = var.kms_key_arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
  client_authentication {
    sasl {
      scram = true
    }
  }
  tags = var.tags
}

resource "aws_secretsmanager_secret" "scram" {
  name                    = "AmazonMSK_${var.name}"
  description             = "The SASL/SCRAM user of ${var.name}"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 30
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_policy" "scram" {
  secret_arn = aws_secretsmanager_secret.scram.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AWSKafkaResourcePolicy"
      Effect    = "Allow"
      Principal = { Service = "kafka.amazonaws.com" }
      Action    = "secretsmanager:getSecretValue"
      Resource  = aws_secretsmanager_secret.scram.arn
    }]
  })
}

resource "aws_msk_scram_secret_association" "this" {
  cluster_arn     = aws_msk_cluster.this.arn
  secret_arn_list = [aws_secretsmanager_secret.scram.arn]
  depends_on      = [aws_secretsmanager_secret_policy.scram]
}

output "address" {
  value = split(":", split(",", aws_msk_cluster.this.bootstrap_brokers_sasl_scram)[0])[0]
}
