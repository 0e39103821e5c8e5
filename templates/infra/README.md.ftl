<#-- infra/README.md. Model: InfraView. -->
# Infrastructure — ${model.prod.project}

<#if model.written>
OpenTofu (or Terraform ≥ 1.6) for ${model.prod.cloud}: shared modules under `modules/`, one root
module per environment under `envs/`. Every resource carries the <#if model.prod.cloud == "gcp">labels<#else>tags</#if> `project`,
`service`, `environment` and `cost-centre` (${model.prod.costCentre?no_esc}, the blueprint's
`defaults.costCentre`).

```sh
cd infra/envs/dev && tofu init && tofu plan     # the same in envs/staging and envs/<#if model.cells?has_content>prod-<cell><#else>prod</#if>
```

Add a state backend to each root before the first apply. Values of secrets are never in these
files: the secret manager's entries are created empty, and the few values the cloud's API needs at
creation (a cache or broker password) are variables marked sensitive, passed as `TF_VAR_*`.
<#if model.prod.cluster??>

Name the cluster's administrators in each root's `${model.prod.cluster.adminsVariable()?no_esc}` before the first apply<#switch model.prod.cloud><#case "aws"> (IAM
role or user ARNs; each gets an EKS access entry with AmazonEKSClusterAdminPolicy over the cluster,
and the cluster grants its creator nothing)<#break><#case "gcp"> (IAM members such as
`group:platform@example.com`; each gets Kubernetes Engine Admin, `roles/container.admin`, in the
root's project)<#break><#default> (Microsoft Entra object ids of users, groups or service principals;
each gets Azure Kubernetes Service RBAC Cluster Admin on the cluster: with local accounts disabled and
Azure RBAC, nobody else administers it)</#switch>. They alone may change the cluster beyond the project's namespace:
after the first apply, one of them installs the cluster's operators and their CRDs (the External
Secrets Operator and the Gateway API's, `deploy/k8s/README.md`) and applies the environment's
`deploy/k8s/access/<environment>.yaml`: the namespace<#if model.prod.cloud != "gcp">, and the Role that lets the deploy identity apply
the custom resources of the overlays, which the cloud's namespace edit grant does not cover</#if>. Only then
the first deploy, whose identity may change the namespace's objects only.
<#if model.prod.cloud == "azure">

```sh
sed "s/${model.accessPlaceholder()?no_esc}/$(tofu -chdir=infra/envs/prod output -raw deploy_principal_id)/" \
  deploy/k8s/access/prod.yaml | kubectl apply -f -        # the same with dev and staging
```
<#else>

```sh
kubectl apply -f deploy/k8s/access/prod.yaml              # the same with dev and staging
```
</#if>
</#if>

| Module | What it creates |
|---|---|
<#list model.modules as m>
| `modules/${m}` | <#switch m><#case "network"><#if model.prod.cloud == "azure">the virtual network: a subnet for the workloads, one delegated to the databases, one for private endpoints; <#if model.prod.managedContainers>the Container Apps environment goes out through the platform's own path<#else>default outbound access is off<#if model.prod.natGateways() gt 0>, and the machines go out through a NAT gateway with a static public IP<#elseif model.prod.runtime == "kubernetes">, and AKS goes out through its load balancer</#if></#if><#else>the network: private subnets over three zones for the cluster and the data stores, public ones for load balancers</#if><#break><#case "kms">the key that encrypts the data stores and secret entries, rotated<#break><#case "database">one managed database per deployable that owns data: standby, read replicas, backups and point-in-time recovery as the decisions chose, encrypted<#break><#case "cache">the Redis cache, encrypted, with a replica when the availability target asks for one; no snapshots or persistence, since it holds copies only (cache-aside) and a new one refills<#break><#case "broker"><#if model.prod.broker.pubsub()>the cloud's publish/subscribe service: a topic per channel, a subscription per consumer and topic, dead letters<#else>the ${model.prod.broker.technology} broker, encrypted: in production ${model.prod.brokerSize()}</#if><#break><#case "backup">the daily AWS Backup of the DynamoDB tables of `db/` (their point-in-time recovery is the tables' own: `db/README.md`), copied to the recovery region where the plan asks<#break><#case "secrets">one secret-manager entry per deployable (names only)<#break><#case "identity">one workload identity per deployable, allowed to read its own secret entry<#break><#case "registry">the container registry of the images, which the ci workflow pushes to and each runtime identity may pull from<#break><#case "database-replica">a cross-region replica of one production database, for the second region's root, promoted by `-var promoted=true`<#break><#case "ci-identity">the identities the GitHub workflows push and deploy as, trusted by this repository's OpenID Connect token alone (below)<#break><#case "sam-artifacts">the private bucket the SAM deploy job uploads the stack's template to (`sam deploy --s3-bucket`), encrypted with the key, versioned, TLS only, its artifacts expiring (below)<#break><#case "deploy-runner">the CodeBuild project whose GitHub Actions runners take the deploy job in the cluster's VPC (below)<#break><#case "dns">the private zone `${model.prod.zone}` with one record per endpoint below<#break><#default>the runtime the deployment decision chose (${model.prod.runtime})</#switch> |
</#list>

<#if model.prod.cloud == "azure">
The Key Vaults, the cache and the broker are off the public network: each has a private endpoint in
the network's endpoints subnet, and the network links the privatelink DNS zone of each, so their
names resolve there (the coherence rule `private-services-reachable` fails a service with none).
Keys and secret entries are data in a vault: `tofu apply` creates them, and every later plan reads
them, through the vault's data plane, which the vault's firewall refuses from outside the network. So
apply from inside the network (a machine on its VPN or a peered network), or list the public addresses
you apply from, `TF_VAR_vault_apply_from='["203.0.113.7/32"]'`: only then does a vault get a public
endpoint, admitting those addresses alone (Key Vault's IP network rules); the default, an empty list,
keeps the vaults off the public network. No deploy job writes to a vault, and GitHub-hosted runners are
not let in.

</#if>
The roots differ in size only: `prod` is sized from the decisions and the facts CAPACITY.md prices
(the databases' vCPU and read replicas, the node pool; each root says its formula beside the module), `dev` and `staging` take the smallest size of each kind, without
standby or replicas.
<#if model.cells?has_content>

Under `dataResidency`, production is one root per cell, each in its cell's region (CAPACITY.md,
"Cells"): its databases and the key that encrypts them exist there, their backups there and in the
cell's recovery region, and nowhere else. Apply each with the cell's own account or subscription and
state; the coherence rule `data-stays-in-cell` fails a run where a cell's root names another
jurisdiction's region, and `backups-reach-recovery-region` one whose databases do not copy their
backups to the cell's recovery region.

| Root | Cell | Region | Backups copied to |
|---|---|---|---|
<#list model.cells as c>
| `envs/${c.env}` | ${c.cell} | ${c.region} | ${c.backupRegion()?has_content?then(c.backupRegion(), "none")} |
</#list>
</#if>
<#if model.prod.second??>

backup-dr is ${model.prod.second.mode}: `envs/${model.prod.second.root}` builds production's second region
(${model.prod.second.region}<#if model.prod.second.warm()>, a warm standby at the runtime's floor<#else>, serving beside ${model.prod.second.primaryRegion}</#if>) over the same modules. Its
databases are replicas of `envs/${model.prod.second.primaryRoot()}`'s: apply `envs/${model.prod.second.primaryRoot()}` first, then this root with
`TF_VAR_${model.prod.second.primariesVariable()?no_esc}` set to `envs/${model.prod.second.primaryRoot()}`'s output `database_<#if model.prod.cloud == "aws">arns<#elseif model.prod.cloud == "gcp">names<#else>ids</#if>`<#if model.prod.cloud == "gcp">,
`TF_VAR_network_id` to its output `network_id` and `TF_VAR_project_id` to production's project</#if> (the roots share no
state, so the IDs are handed over as <#if model.prod.cloud == "gcp">variables<#else>a variable</#if>).<#if model.prod.cloud == "gcp"> On Google Cloud the second root lives in production's
project, since Cloud SQL keeps a replica in its primary's project: it adds a subnet of its region to production's
network and leaves the project's global resources to `envs/${model.prod.second.primaryRoot()}`: the service accounts, the
private zone, Pub/Sub and the secret entries. Sharing production's network is right on Google Cloud: a VPC network is
global and outlives a region's outage, while what is regional (the subnet, its Cloud Router and Cloud NAT) this root
creates in ${model.prod.second.region} (`modules/network-region`), and a Cloud SQL replica on private IP joins its primary's
network anyway (production's private services access serves every region). `envs/${model.prod.second.primaryRoot()}` creates
each secret entry with a copy in ${model.prod.second.region} too, under a key of that region. Secret Manager cannot change an
existing entry's replication, and OpenTofu would replace the entry and lose its values, so `modules/secrets` sets it
when it creates an entry and ignores it after: a project whose `envs/${model.prod.second.primaryRoot()}` was applied before
backup-dr asked for the second region keeps its entries in ${model.prod.second.primaryRegion} alone, readable from
${model.prod.second.region} only while ${model.prod.second.primaryRegion} is up. To copy such an entry there, in a maintenance window:
read its value (`gcloud secrets versions access latest --secret=ID > value`), replace it
(`tofu apply -replace='module.secrets.google_secret_manager_secret.this["ID"]'` in `envs/${model.prod.second.primaryRoot()}`),
add the value back (`gcloud secrets versions add ID --data-file=value`) and delete the file.</#if> RUNBOOK.md says how to promote it
(`-var ${model.prod.second.promotedVariable()}=true`); the rule `second-region-replicates-databases` fails a run whose second root
lacks a replica of a production database.
<#if model.prod.failover()?has_content>

Clients reach `${model.prod.publicHost.name}` in the region that serves: each of `envs/${model.prod.second.primaryRoot()}` and
`envs/${model.prod.second.root}` adds its Route 53 record of that name (`aws_route53_record.public`, an alias of its own load
balancer that evaluates the load balancer's target groups, which check `${model.prod.healthPath()}`)<#if model.prod.failover() == "LATENCY">: latency
records, so each client gets the nearest region with healthy targets<#else>: a failover pair, PRIMARY in
`envs/${model.prod.second.primaryRoot()}` and SECONDARY in `envs/${model.prod.second.root}`, so clients move to ${model.prod.second.region} when
${model.prod.second.primaryRegion}'s targets are all unhealthy</#if>. The DNS zone is the team's: set the variable
`${model.prod.publicHost.zoneVariable()?no_esc}` of both roots to its hosted zone's ID; while it is empty no record is created.
<#elseif model.prod.routes?has_content>

No record of the public host `${model.prod.publicHost.name}` is written for this cloud and runtime (a Kubernetes Gateway's load
balancer is made by its controller; Traffic Manager and Cloud DNS routing policies are not written yet): RUNBOOK.md's
failover says which address a person points it at.
</#if>
</#if>
<#else>
`project.cloud` is `any`, so no OpenTofu is written: no managed database, cache or broker is
cloud-neutral, and modules with nothing behind them would be rewritten by every team. Choose a
cloud (`aws`, `gcp` or `azure`) in the requirements to get the modules; until then, this is what
the manifests expect to exist.
</#if>

<#if model.clusterAccess()?has_content>
## How the deploy jobs reach the cluster

${model.clusterAccess()?cap_first?no_esc}.
<#if model.prod.cloud == "aws">

CodeBuild reaches GitHub through an AWS CodeConnections connection (a GitHub App), which a person
authorises once per AWS account: apply a root first with
`-target=module.deploy_runner.aws_codeconnections_connection.github`, complete the pending connection
in the console (Developer Tools → Settings → Connections → Update pending connection, installing the
app on this repository), then apply the whole root; give every other root in that account its output
`github_connection_arn` as the variable of the same name. The build's role may only run the runner in
the private subnets, write its log and use the connection: the job deploys as its environment's deploy
role (below).
</#if>

</#if>
<#if model.ciSecrets()?has_content>
## The identities of the workflows

Each root creates the identities this repository's GitHub workflows log in as (`modules/ci-identity`):
a push identity that only the ci workflow's image job on `main` may be, allowed to push to the root's
registry, and a deploy identity that only the deploy workflow's jobs of the GitHub environment named
after the root may be (give `prod` required reviewers), allowed what that environment's deploy job does
on the root's resources. Both trust GitHub's OpenID Connect token for this repository alone (the root's
variable `${model.prod.ci().repositoryVariable()?no_esc}`, `<owner>/<name>`), and only a token whose subject names the
workflow file and its ref; no key or password exists.

GitHub's default subject names only the branch or the environment, which any workflow file on `main`
could present. Before the first deploy, a repository administrator has GitHub put the workflow file in
this repository's tokens, once (it changes the subject of every workflow's token in the repository: any
other cloud trusting this repository's tokens must follow):

```sh
gh api --method PUT repos/<owner>/<name>/actions/oidc/customization/sub --input - <<'EOF'
${model.ciSubjectTemplate()?no_esc}
EOF
```

After the first apply, set each secret to its root's output (a secret holds only which identity it is):

| Secret | Of | Value | What |
|---|---|---|---|
<#list model.ciSecrets() as s>
| `${s.secret?no_esc}` | ${s.scope} | `${s.value?no_esc}` | ${s.what} |
</#list>
<#if model.prod.cloud == "aws">

GitHub's OpenID Connect provider exists once per AWS account: the first root applied in an account
creates it; give every other root in that account its output `github_oidc_provider_arn` as the
variable of the same name. IAM names are unique in the account, so every root's roles end in its name
(`-dev`, `-staging`; `prod`'s have none), and the overlays and deploy jobs name their own root's.

Dev and staging may share production's account and region, where names of secret entries, ECR
repositories, log groups, auto scaling groups, launch templates and Lambda functions are unique: each
root's begin with its namespace (`${model.prod.project}-dev/…`, `/ecs/${model.prod.project}-staging/…`, `${model.prod.project}-dev-<deployable>`),
production's<#if model.cells?has_content> (each cell's, in its own region)</#if> with `${model.prod.project}` as they always did. Each root has a
registry of its own, which the ci workflow pushes every image to, rather than one registry every
environment reads: a root applied alone is whole, and no root holds another's images. The files of
deploy/ name production's; the deploy job of each environment, and its Kubernetes overlay, put its
root's in. The names of databases, cache, broker, key alias and backup vault carry the root's name in
every root.<#if model.prod.broker?? && model.prod.broker.pubsub()> SNS topics and SQS queues do not yet: apply dev and staging to an AWS account of
their own.</#if><#if model.prod.backup??> Nor do the DynamoDB tables of db/: apply dev and staging to an AWS account of their own.</#if>
<#if model.prod.sam()>

CloudFormation takes a template of up to 51,200 bytes in the request and a larger one (a few dozen
functions) from S3 alone, so every SAM deploy goes through its root's bucket (`modules/sam-artifacts`):
`${model.prod.samArtifacts()?no_esc}-<account id>` in `envs/${model.prod.env}`, each root's own, named after the root
and the account (a bucket's name is unique across all of AWS). The deploy identity may put and get that
bucket's objects alone and use the root's key through S3 alone; the deploy job uploads with
`--s3-bucket`, `--s3-prefix <stack>` and `--kms-key-id`, and the bucket refuses a request without TLS
or an object not under KMS; old artifacts expire (a stack keeps its own copy of its template).
</#if>
<#elseif model.prod.cloud == "gcp">

Each root's workload identity pool is its own, `${model.prod.ci().pool()?no_esc}-<${model.prod.ci().poolSuffixVariable()?no_esc}>` in `envs/${model.prod.env}`
(the root's name, then the variable `${model.prod.ci().poolSuffixVariable()?no_esc}`, `1` unless given). Google keeps a destroyed pool's
id for 30 days, so to apply a root again within them, give it another suffix (`TF_VAR_${model.prod.ci().poolSuffixVariable()?no_esc}=2`)
or undelete the pool (`gcloud iam workload-identity-pools undelete`).
</#if>

</#if>
## Endpoints

${model.descriptors()?no_esc} reach the data stores by these names; each is created here
(the coherence rule `endpoints-have-infrastructure` fails a run where one is not).

| Host | Port | Role | Technology | Created by |
|---|---|---|---|---|
<#list model.endpoints as e>
| `${e.host?no_esc}` | ${e.port?c} | ${e.role} | ${e.technology} | ${e.createdBy} |
</#list>
<#if model.prod.secrets?has_content>

Secret entries, ${model.secretsReader()}:
<#list model.prod.secrets as s>`${s.key?no_esc}`<#sep>, </#list>.
</#if>
<#if model.notes?has_content>

## Notes

<#list model.notes as n>
- ${n}
</#list>
</#if>
