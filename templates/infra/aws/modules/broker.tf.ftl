<#-- infra/modules/broker/main.tf (AWS). Model: EnvView of prod; broker is kafka, rabbitmq or cloud-pubsub. -->
<#assign b = model.broker>
<#if b.pubsub()>
# The broker: SNS topics, one per channel of api/asyncapi.yaml, fanned out to one SQS queue per
# consumer (raw message delivery), each with its dead-letter queue (<queue>-dlq) after five failed
# receives; topics and queues encrypted with the project's key.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "topics" {
  type = list(string)
}

variable "queues" {
  type = list(string)
}

variable "subscriptions" {
  type = map(object({
    queue = string
    topic = string
  }))
  description = "one entry per queue and topic it receives"
}

variable "kms_key_arn" {
  type = string
}

variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "current" {}

resource "aws_sns_topic" "this" {
  for_each          = toset(var.topics)
  name              = each.value
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sqs_queue" "dead_letter" {
  for_each                  = toset(var.queues)
  name                      = "${each.value}-dlq"
  kms_master_key_id         = var.kms_key_arn
  message_retention_seconds = 1209600
  tags                      = var.tags
}

resource "aws_sqs_queue" "this" {
  for_each          = toset(var.queues)
  name              = each.value
  kms_master_key_id = var.kms_key_arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter[each.value].arn
    maxReceiveCount     = 5
  })
  tags = var.tags
}

resource "aws_sqs_queue_policy" "this" {
  for_each  = toset(var.queues)
  queue_url = aws_sqs_queue.this[each.value].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.this[each.value].arn
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each             = var.subscriptions
  topic_arn            = aws_sns_topic.this[each.value.topic].arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.this[each.value.queue].arn
  raw_message_delivery = true
}
<#else>
<#if b.technology == "kafka" && b.mutualTls>
# The broker: Amazon MSK (Kafka), one broker per zone, encrypted at rest with the project's key and
# in transit (TLS between clients and brokers and inside the cluster). Clients authenticate with
# certificates (port [=b.port?c]) that the project's private CA (AWS Private CA, created here) issues;
# the brokers trust that CA alone.
<#elseif b.technology == "kafka">
# The broker: Amazon MSK (Kafka), one broker per zone, encrypted at rest with the project's key and
# in transit (TLS between clients and brokers and inside the cluster). Clients authenticate with
# SASL/SCRAM (port [=b.port?c]): the user is the Secrets Manager entry AmazonMSK_<name>, created here
# and associated with the cluster. No value is written here: a person puts {"username": …,
# "password": …} in it (the BROKER_USERNAME and BROKER_PASSWORD of the services' own entries) after
# `tofu apply -target=module.broker.aws_secretsmanager_secret.scram` and before the full apply, since
# MSK reads the user when the entry is associated.
<#else>
# The broker: Amazon MQ for RabbitMQ, a three-node cluster over the zones in production; the
# administrator's password is passed at apply time (TF_VAR_broker_admin_password), never in a file.
</#if>
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
<#if b.technology == "rabbitmq">

variable "deployment_mode" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}
</#if>

variable "tags" {
  type = map(string)
}

resource "aws_security_group" "this" {
  name   = "${var.name}-broker"
  vpc_id = var.vpc_id
  ingress {
    description = "the private subnets of the cluster"
    from_port   = [=b.port?c]
    to_port     = [=b.port?c]
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }
  tags = var.tags
}
<#if b.technology == "kafka">

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
<#if b.mutualTls>
    tls {
      certificate_authority_arns = [aws_acmpca_certificate_authority.clients.arn]
    }
<#else>
    sasl {
      scram = true
    }
</#if>
  }
  tags = var.tags
<#if b.mutualTls>
  # the CA signs certificates once its own certificate is installed
  depends_on = [aws_acmpca_certificate_authority_certificate.clients]
</#if>
}
<#if b.mutualTls>

data "aws_partition" "current" {}

# the private CA whose certificates the services present to the brokers
resource "aws_acmpca_certificate_authority" "clients" {
  type                            = "ROOT"
  permanent_deletion_time_in_days = 30
  certificate_authority_configuration {
    key_algorithm     = "EC_prime256v1"
    signing_algorithm = "SHA256WITHECDSA"
    subject {
      common_name = "${var.name} clients"
    }
  }
  tags = var.tags
}

resource "aws_acmpca_certificate" "clients" {
  certificate_authority_arn   = aws_acmpca_certificate_authority.clients.arn
  certificate_signing_request = aws_acmpca_certificate_authority.clients.certificate_signing_request
  signing_algorithm           = "SHA256WITHECDSA"
  template_arn                = "arn:${data.aws_partition.current.partition}:acm-pca:::template/RootCACertificate/V1"
  validity {
    type  = "YEARS"
    value = 10
  }
}

resource "aws_acmpca_certificate_authority_certificate" "clients" {
  certificate_authority_arn = aws_acmpca_certificate_authority.clients.arn
  certificate               = aws_acmpca_certificate.clients.certificate
  certificate_chain         = aws_acmpca_certificate.clients.certificate_chain
}

output "address" {
  value = split(":", split(",", aws_msk_cluster.this.bootstrap_brokers_tls)[0])[0]
}

output "client_ca_arn" {
  description = "the private CA that issues the services' client certificates"
  value       = aws_acmpca_certificate_authority.clients.arn
}
<#else>

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
</#if>
<#else>

resource "aws_mq_broker" "this" {
  broker_name                = var.name
  engine_type                = "RabbitMQ"
  engine_version             = "3.13"
  host_instance_type         = var.instance_type
  deployment_mode            = var.deployment_mode
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  subnet_ids                 = var.subnet_ids
  security_groups            = [aws_security_group.this.id]
  user {
    username = "archforge_admin"
    password = var.admin_password
  }
  tags = var.tags
}

output "address" {
  value = trimprefix(split(":", aws_mq_broker.this.instances[0].endpoints[0])[1], "//")
}
</#if>
</#if>
