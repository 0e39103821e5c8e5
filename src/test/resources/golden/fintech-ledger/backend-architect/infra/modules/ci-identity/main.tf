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

variable "namespace" {
  type        = string
  description = "the Kubernetes namespace the deploy role may change"
}

variable "kubernetes_group" {
  type        = string
  description = "the Kubernetes group of the deploy role, which deploy/k8s/access/ binds the Role of the custom resources to"
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
      # aws eks update-kubeconfig; what the job may do in the cluster is the access entry's below
      { Effect = "Allow", Action = ["eks:DescribeCluster"], Resource = ["arn:aws:eks:${local.region}:${local.account}:cluster/${var.cluster_name}"] }
    ]
  })
}

# the deploy role's access to the cluster: edit in the project's namespace alone, no cluster-wide right; the
# custom resources the overlays apply, which AmazonEKSEditPolicy's rules do not name, are its group's Role in
# that namespace (deploy/k8s/access/; https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html)
resource "aws_eks_access_entry" "deploy" {
  cluster_name      = var.cluster_name
  principal_arn     = aws_iam_role.deploy.arn
  kubernetes_groups = [var.kubernetes_group]
  type              = "STANDARD"
  tags              = var.tags
}

resource "aws_eks_access_policy_association" "deploy" {
  cluster_name  = var.cluster_name
  principal_arn = aws_eks_access_entry.deploy.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy"
  access_scope {
    type       = "namespace"
    namespaces = [var.namespace]
  }
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
