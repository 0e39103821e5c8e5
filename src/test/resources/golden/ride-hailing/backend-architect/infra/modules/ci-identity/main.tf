# The identities this repository's GitHub workflows log in as, by OpenID Connect (no key is stored):
# - the push role, assumed only by the ci workflow's image job on main (subject repo:<owner>/<name>:
#   ref:refs/heads/main:job_workflow_ref:<owner>/<name>/.github/workflows/ci.yaml@refs/heads/main), may
#   push to this root's ECR repositories;
# - the deploy role, assumed only by the deploy workflow's jobs of the GitHub environment named after this
#   root (subject repo:<owner>/<name>:environment:<root>:job_workflow_ref:<owner>/<name>/.github/workflows/deploy.yaml@refs/heads/main,
#   where prod's required reviewers approve), may do what that job does on this root's resources alone.
# GitHub's OpenID Connect provider exists once per AWS account: the first root applied in an account
# creates it (var.github_oidc_provider_arn empty); every other root in that account passes its ARN,
# `tofu -chdir=infra/envs/<first> output -raw github_oidc_provider_arn`, as github_oidc_provider_arn.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "name" {
  type        = string
  description = "<project>-<root>: the prefix of the roles"
}

variable "project" {
  type = string
}

variable "subjects" {
  type = object({
    push   = object({ context = string, workflow = string })
    deploy = object({ context = string, workflow = string })
  })
  description = "the context (environment or ref) and the workflow file@ref of the jobs whose token subject each identity trusts"
}

variable "github_repository" {
  type        = string
  description = "<owner>/<name> of the repository whose workflows the roles trust"
}

variable "github_oidc_provider_arn" {
  type        = string
  description = "GitHub's OpenID Connect provider in this account when another root created it; empty to create it"
}

variable "repository_arns" {
  type        = list(string)
  description = "the ECR repositories of this root, which the push role pushes to"
}

variable "cluster_name" {
  type = string
}

variable "pass_role_arns" {
  type        = list(string)
  description = "the task and execution roles the task definitions name, which the deploy role may pass to ECS"
}

variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "this" {}

data "aws_region" "this" {}

resource "aws_iam_openid_connect_provider" "github" {
  count          = var.github_oidc_provider_arn == "" ? 1 : 0
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

locals {
  provider_arn = var.github_oidc_provider_arn == "" ? aws_iam_openid_connect_provider.github[0].arn : var.github_oidc_provider_arn
  account      = data.aws_caller_identity.this.account_id
  region       = data.aws_region.this.region
  # the whole subject of a job's token once the repository's subject template includes repo, context and
  # job_workflow_ref (infra/README.md): the workflow file is trusted, not only the branch or environment
  subjects     = { for use, s in var.subjects : use => format("repo:%s:%s:job_workflow_ref:%s/%s", var.github_repository, s.context, var.github_repository, s.workflow) }
}

data "aws_iam_policy_document" "trust" {
  for_each = local.subjects
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [each.value]
    }
  }
}

resource "aws_iam_role" "push" {
  name                 = "${var.name}-ci-push"
  assume_role_policy   = data.aws_iam_policy_document.trust["push"].json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy" "push" {
  name = "push-images"
  role = aws_iam_role.push.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ecr:GetAuthorizationToken"], Resource = ["*"] },
      {
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        Resource = var.repository_arns
      }
    ]
  })
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-ci-deploy"
  assume_role_policy   = data.aws_iam_policy_document.trust["deploy"].json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy" "deploy" {
  name = "deploy"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # a new revision of each task definition (no resource-level permission exists for registering one)
      { Effect = "Allow", Action = ["ecs:RegisterTaskDefinition"], Resource = ["*"] },
      {
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = ["arn:aws:ecs:${local.region}:${local.account}:service/${var.cluster_name}/*"]
      },
      {
        Effect    = "Allow"
        Action    = ["iam:PassRole"]
        Resource  = var.pass_role_arns
        Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
      }
    ]
  })
}

output "push_role_arn" {
  value = aws_iam_role.push.arn
}

output "deploy_role_arn" {
  value = aws_iam_role.deploy.arn
}

output "github_oidc_provider_arn" {
  value = local.provider_arn
}
