# One IAM role per deployable, assumed by the managed-containers runtime, allowed to read its own
# secret entry.
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

variable "secrets" {
  type        = map(string)
  description = "secret entry name => the deployable it belongs to"
}

variable "secret_arns" {
  type        = map(string)
  description = "secret entry name => its ARN"
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

data "aws_iam_policy_document" "trust" {
  for_each = toset(var.deployables)
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each           = toset(var.deployables)
  name               = "${var.project}-${each.value}-task${var.name_suffix}"
  assume_role_policy = data.aws_iam_policy_document.trust[each.value].json
  tags               = merge(var.tags, { service = each.value })
}

resource "aws_iam_role_policy" "own_secret" {
  for_each = var.secrets
  name     = "read-own-secret"
  role     = aws_iam_role.this[each.value].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["secretsmanager:GetSecretValue"], Resource = [var.secret_arns[each.key]] },
      { Effect = "Allow", Action = ["kms:Decrypt"], Resource = [var.kms_key_arn] }
    ]
  })
}

# the collector sidecar (ADOT) beside each task sends its metrics to CloudWatch and its traces to X-Ray
# with the task's role
resource "aws_iam_role_policy_attachment" "collector_metrics" {
  for_each   = toset(var.deployables)
  role       = aws_iam_role.this[each.value].name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
}

resource "aws_iam_role_policy_attachment" "collector_traces" {
  for_each   = toset(var.deployables)
  role       = aws_iam_role.this[each.value].name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

output "role_arns" {
  value = zipmap(keys(aws_iam_role.this), values(aws_iam_role.this)[*].arn)
}
