<#-- infra/modules/ci-identity/main.tf (GCP). Model: EnvView of prod. -->
# The identities this repository's GitHub workflows log in as, by workload identity federation (no key
# is stored): a workload identity pool of this project whose GitHub provider accepts the tokens of
# exactly two subjects, and two service accounts, each impersonable by one of them alone:
# - the push account, by the ci workflow's image job on main (repo:<owner>/<name>:[=model.ci().context("push")]:
#   job_workflow_ref:<owner>/<name>/[=model.ci().workflow("push")]), may write to this root's
#   Artifact Registry repository;
# - the deploy account, by the deploy workflow's jobs of the GitHub environment named after this root
#   (repo:<owner>/<name>:environment:<root>:job_workflow_ref:<owner>/<name>/[=model.ci().workflow("deploy")],
#   where prod's required reviewers approve), may do what that job does, in this project.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 6.0" }
  }
}

variable "project" {
  type = string
}

variable "project_id" {
  type = string
}

variable "github_repository" {
  type        = string
  description = "<owner>/<name> of the repository whose workflows the accounts trust"
}

variable "pool_id" {
  type        = string
  description = "the workload identity pool's id, unique to this root: a destroyed pool's id stays taken for 30 days"
}

variable "subjects" {
  type = object({
    push   = object({ context = string, workflow = string })
    deploy = object({ context = string, workflow = string })
  })
  description = "the context (environment or ref) and the workflow file@ref of the jobs whose token subject each identity trusts"
}

variable "account_ids" {
  type        = object({ push = string, deploy = string })
  description = "the ids of the push and deploy service accounts"
}

variable "region" {
  type = string
}

variable "pool_id" {
  type        = string
  default     = "github"
  description = "the workload identity pool's id, unique in the project (the second region's root shares production's)"
}

variable "registry_repository" {
  type        = string
  description = "the Artifact Registry repository of this root, which the push account writes to"
}
<#if model.managedContainers || model.machines?has_content>

variable "runtime_accounts" {
  type        = map(string)
  description = "deployable => the email of the service account it runs as, which the deploy account may act as"
}
</#if>

locals {
  # the whole subject of a job's token once the repository's subject template includes repo, context and
  # job_workflow_ref (infra/README.md): the workflow file is trusted, not only the branch or environment
  subjects = { for use, s in var.subjects : use => format("[=model.ci().subjectFormat()]", var.github_repository, s.context, var.github_repository, s.workflow) }
}

resource "google_iam_workload_identity_pool" "github" {
  project                   = var.project_id
  workload_identity_pool_id = var.pool_id
  display_name              = "GitHub Actions"
  description               = "the workflows of ${var.github_repository}"
}

resource "google_iam_workload_identity_pool_provider" "github" {
  project                            = var.project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.github.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  display_name                       = "GitHub Actions"
  attribute_mapping = {
    # google.subject holds 127 bytes at most: the subject up to its workflow (repo:<owner>/<name>:<context>),
    # which only the two whole subjects the condition below accepts can carry
    "google.subject"       = "assertion.sub.split(':job_workflow_ref:')[0]"
    "attribute.repository" = "assertion.repository"
    "attribute.ref"        = "assertion.ref"
    "attribute.actor"      = "assertion.actor"
  }
  # only this repository's tokens, and of them only the two subjects below
  attribute_condition = format("assertion.repository == '%s' && assertion.sub in ['%s']", var.github_repository, join("', '", values(local.subjects)))
  oidc {
    issuer_uri = "[=model.ci().issuer()]"
  }
}

resource "google_service_account" "ci" {
  for_each     = local.subjects
  project      = var.project_id
  account_id   = var.account_ids[each.key]
  display_name = "GitHub Actions ${each.key} of ${var.github_repository}"
}

# each account may be impersonated by the token of its subject alone (mapped to google.subject above)
resource "google_service_account_iam_member" "ci" {
  for_each           = local.subjects
  service_account_id = google_service_account.ci[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principal://iam.googleapis.com/${google_iam_workload_identity_pool.github.name}/subject/repo:${var.github_repository}:${var.subjects[each.key].context}"
}

resource "google_artifact_registry_repository_iam_member" "push" {
  project    = var.project_id
  location   = var.region
  repository = var.registry_repository
  role       = "roles/artifactregistry.writer"
  member     = "serviceAccount:${google_service_account.ci["push"].email}"
}
<#if model.cluster??>

# get-credentials --dns-endpoint and kubectl apply through it: the cluster's DNS-based endpoint lets
# in only identities with container.clusters.connect, which Kubernetes Engine Developer holds with
# the rights on the Kubernetes objects of this project's cluster, custom resources included
# (container.thirdPartyObjects.*); no other role is needed
# (https://cloud.google.com/iam/docs/roles-permissions/container#container.developer)
resource "google_project_iam_member" "deploy" {
  project = var.project_id
  role    = "roles/container.developer"
  member  = "serviceAccount:${google_service_account.ci["deploy"].email}"
}
<#elseif model.managedContainers || model.machines?has_content>

<#if model.managedContainers>
# gcloud run services replace, and no IAM policy (infra grants the invokers: modules/broker)
resource "google_project_iam_member" "deploy" {
  project = var.project_id
  role    = "roles/run.developer"
  member  = "serviceAccount:${google_service_account.ci["deploy"].email}"
}

# gcloud projects describe: the project's number, which the callees' Cloud Run URLs hold
resource "google_project_iam_member" "deploy_reads_project" {
  project = var.project_id
  role    = "roles/browser"
  member  = "serviceAccount:${google_service_account.ci["deploy"].email}"
}
<#else>
# new instance templates and rolling updates of the managed instance groups
resource "google_project_iam_member" "deploy" {
  project = var.project_id
  role    = "roles/compute.instanceAdmin.v1"
  member  = "serviceAccount:${google_service_account.ci["deploy"].email}"
}
</#if>

# the services and machines run as their own accounts: the deploy account may name them, no other
resource "google_service_account_iam_member" "deploy_acts_as" {
  for_each           = var.runtime_accounts
  service_account_id = "projects/${var.project_id}/serviceAccounts/${each.value}"
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.ci["deploy"].email}"
}
</#if>

output "workload_identity_provider" {
  value = google_iam_workload_identity_pool_provider.github.name
}

output "push_service_account" {
  value = google_service_account.ci["push"].email
}

output "deploy_service_account" {
  value = google_service_account.ci["deploy"].email
}
