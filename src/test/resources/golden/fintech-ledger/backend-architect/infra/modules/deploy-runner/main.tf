# Where the deploy workflow's Kubernetes job runs: the cluster's API endpoint is private (EKS
# endpoint_public_access = false), so a GitHub-hosted runner cannot reach it and EKS has no remote
# command. This module creates an AWS CodeBuild project that hosts GitHub Actions runners in the
# cluster's VPC: GitHub's workflow_job webhook (WORKFLOW_JOB_QUEUED) starts a build for every queued
# job of the deploy workflow whose runs-on is codebuild-<name>-<run id>-<attempt>, in the private
# subnets, behind a security group that may only open HTTPS connections; the cluster's security group
# admits it on 443 alone.
# The build's role may run the build there and nothing else: the job itself logs in as the
# environment's deploy role with the workflow's OpenID Connect token (modules/ci-identity).
# CodeBuild reaches GitHub through a CodeConnections connection (a GitHub App), which a person
# authorises once in the console (infra/README.md); one connection serves every root of an account.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type        = string
  description = "the CodeBuild project, which the deploy job's runs-on names: codebuild-<name>-<run id>-<attempt>"
}

variable "github_repository" {
  type        = string
  description = "<owner>/<name> of the repository whose deploy jobs the runners take"
}

variable "github_connection_arn" {
  type        = string
  description = "a CodeConnections connection to GitHub another root of this account created; empty to create it here"
}

variable "vpc_id" {
  type        = string
  description = "the cluster's VPC"
}

variable "subnet_ids" {
  type        = list(string)
  description = "the cluster's private subnets, which reach GitHub through the NAT gateways"
}

variable "cluster_security_group_id" {
  type        = string
  description = "the security group EKS gave the cluster's control plane, which admits the runners on 443"
}

variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "this" {}

data "aws_region" "this" {}

locals {
  account    = data.aws_caller_identity.this.account_id
  region     = data.aws_region.this.region
  connection = var.github_connection_arn == "" ? aws_codeconnections_connection.github[0].arn : var.github_connection_arn
}

# created PENDING: a person completes it once (Developer Tools > Settings > Connections > Update pending connection)
resource "aws_codeconnections_connection" "github" {
  count         = var.github_connection_arn == "" ? 1 : 0
  name          = trimsuffix(substr(var.name, 0, 32), "-")
  provider_type = "GitHub"
  tags          = var.tags
}

resource "aws_security_group" "runner" {
  name        = "${var.name}-runner"
  description = "GitHub Actions runners of the deploy jobs: HTTPS out only"
  vpc_id      = var.vpc_id
  egress {
    description = "GitHub, the AWS APIs and the cluster endpoint, over HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "cluster" {
  security_group_id            = var.cluster_security_group_id
  referenced_security_group_id = aws_security_group.runner.id
  description                  = "the deploy runners reach the Kubernetes API"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  tags                         = var.tags
}

resource "aws_cloudwatch_log_group" "runner" {
  name              = "/aws/codebuild/${var.name}"
  retention_in_days = 30
  tags              = var.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["codebuild.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_iam_role" "runner" {
  name               = "${var.name}-runner"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

# the build's own rights: its log stream, its network interface in the private subnets, the GitHub connection
data "aws_iam_policy_document" "runner" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.runner.arn}:*"]
  }
  statement {
    actions = ["ec2:CreateNetworkInterface", "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces",
    "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"]
    resources = ["*"]
  }
  statement {
    actions   = ["ec2:CreateNetworkInterfacePermission"]
    resources = ["arn:aws:ec2:${local.region}:${local.account}:network-interface/*"]
    condition {
      test     = "StringEquals"
      variable = "ec2:AuthorizedService"
      values   = ["codebuild.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "ec2:Subnet"
      values   = formatlist("arn:aws:ec2:%s:%s:subnet/%s", local.region, local.account, var.subnet_ids)
    }
  }
  statement {
    actions   = ["codeconnections:GetConnectionToken", "codeconnections:GetConnection"]
    resources = [local.connection]
  }
}

resource "aws_iam_role_policy" "runner" {
  name   = "runner"
  role   = aws_iam_role.runner.id
  policy = data.aws_iam_policy_document.runner.json
}

resource "aws_codebuild_project" "runner" {
  name          = var.name
  description   = "GitHub Actions runners of ${var.github_repository}'s deploy jobs, in the cluster's VPC"
  service_role  = aws_iam_role.runner.arn
  build_timeout = 60
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    type         = "LINUX_CONTAINER"
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/amazonlinux-x86_64-standard:5.0"
  }
  source {
    type     = "GITHUB"
    location = "https://github.com/${var.github_repository}.git"
    auth {
      type     = "CODECONNECTIONS"
      resource = local.connection
    }
  }
  vpc_config {
    vpc_id             = var.vpc_id
    subnets            = var.subnet_ids
    security_group_ids = [aws_security_group.runner.id]
  }
  logs_config {
    cloudwatch_logs {
      group_name = aws_cloudwatch_log_group.runner.name
    }
  }
  tags       = var.tags
  depends_on = [aws_iam_role_policy.runner]
}

# GitHub's workflow_job events: each queued job of the deploy workflow (WORKFLOW_NAME, a regular expression
# on its name) labelled codebuild-<name>-... starts one build (one runner); a job of another workflow that
# names the label starts none
resource "aws_codebuild_webhook" "runner" {
  project_name = aws_codebuild_project.runner.name
  build_type   = "BUILD"
  filter_group {
    filter {
      type    = "EVENT"
      pattern = "WORKFLOW_JOB_QUEUED"
    }
    filter {
      type    = "WORKFLOW_NAME"
      pattern = "^deploy$"
    }
  }
}

output "project" {
  value = aws_codebuild_project.runner.name
}

output "github_connection_arn" {
  value = local.connection
}
