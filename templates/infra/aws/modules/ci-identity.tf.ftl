<#-- infra/modules/ci-identity/main.tf (AWS). Model: EnvView of prod. -->
# The identities this repository's GitHub workflows log in as, by OpenID Connect (no key is stored):
# - the push role, assumed only by the ci workflow's image job on main (subject repo:<owner>/<name>:
#   [=model.ci().context("push")]:job_workflow_ref:<owner>/<name>/[=model.ci().workflow("push")]), may
#   push to this root's ECR repositories;
# - the deploy role, assumed only by the deploy workflow's jobs of the GitHub environment named after this
#   root (subject repo:<owner>/<name>:environment:<root>:job_workflow_ref:<owner>/<name>/[=model.ci().workflow("deploy")],
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
<#if model.cluster??>

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
<#elseif model.managedContainers>

variable "cluster_name" {
  type = string
}

variable "pass_role_arns" {
  type        = list(string)
  description = "the task and execution roles the task definitions name, which the deploy role may pass to ECS"
}
<#elseif model.machines?has_content>

variable "pass_role_arns" {
  type        = list(string)
  description = "the machines' roles their launch templates name, which the deploy role may pass to EC2"
}
<#elseif model.runtime == "serverless">

variable "stack" {
  type        = string
  description = "the SAM stack the deploy job deploys: <project>-<root>"
}

variable "functions" {
  type        = map(string)
  description = "each function of the stack => what begins the name CloudFormation gives the role SAM creates for it (<stack>-<logical id>Role-, cut as CloudFormation cuts names over 64 characters)"
}

variable "artifacts_bucket_arn" {
  type        = string
  description = "the bucket sam deploy uploads the stack's template to (modules/sam-artifacts), where CloudFormation reads it"
}

variable "artifacts_key_arn" {
  type        = string
  description = "the key that encrypts the artifacts bucket"
}
</#if>

variable "tags" {
  type = map(string)
}

data "aws_caller_identity" "this" {}

data "aws_region" "this" {}

resource "aws_iam_openid_connect_provider" "github" {
  count          = var.github_oidc_provider_arn == "" ? 1 : 0
  url            = "[=model.ci().issuer()]"
  client_id_list = ["sts.amazonaws.com"]
  tags           = var.tags
}

locals {
<#if !model.cluster?? && !model.managedContainers && !model.machines?has_content && model.runtime == "serverless">
  # the stack's functions (with their versions and the alias live) and the roles SAM creates for them, by ARN
  functions = flatten([for f in keys(var.functions) : ["arn:aws:lambda:${data.aws_region.this.region}:${data.aws_caller_identity.this.account_id}:function:${f}", "arn:aws:lambda:${data.aws_region.this.region}:${data.aws_caller_identity.this.account_id}:function:${f}:*"]])
  roles     = [for prefix in values(var.functions) : "arn:aws:iam::${data.aws_caller_identity.this.account_id}:role/${prefix}*"]
</#if>
  provider_arn = var.github_oidc_provider_arn == "" ? aws_iam_openid_connect_provider.github[0].arn : var.github_oidc_provider_arn
  account      = data.aws_caller_identity.this.account_id
  region       = data.aws_region.this.region
  # the whole subject of a job's token once the repository's subject template includes repo, context and
  # job_workflow_ref (infra/README.md): the workflow file is trusted, not only the branch or environment
  subjects     = { for use, s in var.subjects : use => format("[=model.ci().subjectFormat()]", var.github_repository, s.context, var.github_repository, s.workflow) }
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
<#if model.cluster??>
      # aws eks update-kubeconfig; what the job may do in the cluster is the access entry's below
      { Effect = "Allow", Action = ["eks:DescribeCluster"], Resource = ["arn:aws:eks:${local.region}:${local.account}:cluster/${var.cluster_name}"] }
<#elseif model.managedContainers>
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
<#elseif model.machines?has_content>
      # a new launch template version of each group and an instance refresh, on this project's groups alone
      { Effect = "Allow", Action = ["autoscaling:DescribeInstanceRefreshes", "ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions"], Resource = ["*"] },
      {
        Effect    = "Allow"
        Action    = ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"]
        Resource  = ["arn:aws:ec2:${local.region}:${local.account}:launch-template/*"]
        Condition = { StringEquals = { "aws:ResourceTag/project" = var.project } }
      },
      {
        Effect   = "Allow"
        Action   = ["autoscaling:StartInstanceRefresh"]
        Resource = ["arn:aws:autoscaling:${local.region}:${local.account}:autoScalingGroup:*:autoScalingGroupName/${var.project}-*"]
      },
      {
        Effect    = "Allow"
        Action    = ["iam:PassRole"]
        Resource  = var.pass_role_arns
        Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } }
      }
<#elseif model.runtime == "serverless">
      # sam deploy of this root's stack alone: its change sets, its functions and their roles, its HTTP API.
      # CloudFormation acts with this role's rights, so it needs what each resource's handlers call: on a
      # function GetFunctionCodeSigningConfig and GetFunctionRecursionConfig besides the writes, on a role the
      # List* reads of its policies (the handlers' permissions of each type's schema: `aws cloudformation
      # describe-type --type RESOURCE --type-name AWS::Lambda::Function`, the same with AWS::IAM::Role)
      {
        Effect   = "Allow"
        Action   = ["cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DeleteChangeSet", "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents", "cloudformation:GetTemplateSummary"]
        Resource = ["arn:aws:cloudformation:${local.region}:${local.account}:stack/${var.stack}/*", "arn:aws:cloudformation:${local.region}:aws:transform/Serverless-2016-10-31"]
      },
      {
        Effect   = "Allow"
        Action   = ["lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:GetFunctionCodeSigningConfig", "lambda:GetFunctionRecursionConfig", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:ListVersionsByFunction", "lambda:PublishVersion", "lambda:CreateAlias", "lambda:UpdateAlias", "lambda:DeleteAlias", "lambda:GetAlias", "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency", "lambda:PutProvisionedConcurrencyConfig", "lambda:GetProvisionedConcurrencyConfig", "lambda:DeleteProvisionedConcurrencyConfig", "lambda:AddPermission", "lambda:RemovePermission", "lambda:GetPolicy", "lambda:TagResource", "lambda:UntagResource", "lambda:ListTags"]
        Resource = local.functions
      },
      # event source mappings have ids of their own: those of the stack's functions alone
      {
        Effect    = "Allow"
        Action    = ["lambda:CreateEventSourceMapping", "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping"]
        Resource  = ["*"]
        Condition = { ArnLike = { "lambda:FunctionArn" = local.functions } }
      },
      { Effect = "Allow", Action = ["lambda:GetEventSourceMapping"], Resource = ["arn:aws:lambda:${local.region}:${local.account}:event-source-mapping:*"] },
      { Effect = "Allow", Action = ["iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:ListAttachedRolePolicies"], Resource = local.roles },
      {
        Effect    = "Allow"
        Action    = ["iam:PassRole"]
        Resource  = local.roles
        Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
      },
      { Effect = "Allow", Action = ["apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE", "apigateway:TagResource"], Resource = ["arn:aws:apigateway:${local.region}::/apis", "arn:aws:apigateway:${local.region}::/apis/*", "arn:aws:apigateway:${local.region}::/tags/*"] },
      { Effect = "Allow", Action = ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"], Resource = ["*"] },
      # sam deploy --s3-bucket uploads the template to the root's artifacts bucket, and CloudFormation reads it
      # there as this role: objects of that bucket alone, under the root's key, through S3 alone
      { Effect = "Allow", Action = ["s3:PutObject", "s3:GetObject"], Resource = ["${var.artifacts_bucket_arn}/*"] },
      {
        Effect    = "Allow"
        Action    = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource  = [var.artifacts_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = "s3.${local.region}.amazonaws.com" } }
      }
<#else>
      # the [=model.runtime] runtime has no deploy job: the role may read who it is, nothing more
      { Effect = "Allow", Action = ["sts:GetCallerIdentity"], Resource = ["*"] }
</#if>
    ]
  })
}
<#if model.cluster??>

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
</#if>

output "push_role_arn" {
  value = aws_iam_role.push.arn
}

output "deploy_role_arn" {
  value = aws_iam_role.deploy.arn
}

output "github_oidc_provider_arn" {
  value = local.provider_arn
}
