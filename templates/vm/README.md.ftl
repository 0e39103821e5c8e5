<#-- deploy/vm/README.md. Model: VmReadmeView. -->
# Virtual machines

deployment is `vm` on cloud `${model.cloud}`: each deployable runs on machines of its own instance
group, which boot Ubuntu 24.04 LTS with the user data below. Podman runs the image that
`deploy/<name>/Dockerfile` builds as the systemd service `<name>.service`.
`deploy/docker-compose.yaml` stays the way to run the whole system on a laptop.

| Deployable | Region | User data | Machines | Public |
|---|---|---|---|---|
<#list model.hosts as h>
| ${h.name} | ${h.region} | `${h.dir?remove_beginning("deploy/vm/")}${h.file()}` | ${h.minInstances} to ${h.maxInstances} | <#if h.exposed>yes, behind the load balancer<#else>no, internal only</#if> |
</#list>
<#if model.residency>

Data residency: each cell runs its own machines from its folder `prod-<cell>/`, in the cell's
primary region, with the cell's own database, cache, broker and secrets; the variables `CELL`,
`CELL_REGION`, `CELL_REGIONS` and `BACKUP_REGION` name where its data may be.
</#if>

Machines: the group's floor is the availability target's replica floor (CAPACITY.md), its ceiling
CAPACITY.md's autoscaling maximum; one container per machine. A deployable calls another at
`<callee>.internal.example:8080`, the callee's internal load balancer in the private DNS zone.

## How each container runs

- User `10001`, read-only root file system, `no-new-privileges`, every capability dropped; port
  8080 published to the machine, which only the load balancer and the other services reach.
- Podman keeps the container's metadata in memory (`--transient-store`), so the environment it
  was started with is never written to disk.
<#if model.cloud == "aws" || model.cloud == "gcp" || model.cloud == "azure">
- Before each start, Podman logs in to the registry the image is in with the machine's own identity
  (`<name>-login`: no stored password); infra/ lets that identity pull<#if model.cloud != "aws"> (the
  machines' module of this cloud is to grant it: none is written yet)</#if>.
</#if>
- Health: the image's health command every 10 s; three failures stop the container
  (`--health-on-failure=kill`) and systemd starts it again (`Restart=always`).
- Logs: the container's output goes to `/var/log/<project>/<name>.log`,
<#if model.cloud == "aws">
  which the CloudWatch agent ships to the log group `/vm/<project>/<name>` (in dev and staging
  `/vm/<project>-<root>/<name>`, which the deploy job puts in).
<#elseif model.cloud == "gcp">
  which the Ops Agent ships to Cloud Logging.
<#elseif model.cloud == "azure">
  which the Azure Monitor Agent (a VM extension) ships by a data collection rule for that file;
  infra/ does not create either yet.
<#else>
  on the machine: no cloud is named, so point your logging agent at it.
</#if>

## Secrets

No secret is written in these files or to the machines' disks. Before each start the service reads
its secrets under the machine's own identity into `/run/<name>/secrets.env` (memory, readable by
root only), Podman hands them to the container, and the file is deleted once it runs.
<#if model.cloud == "aws">
AWS Secrets Manager holds one secret per deployable, `<project>/<deployable>` (in dev and staging
`<project>-<root>/<deployable>`, which the deploy job puts in), with one JSON key per variable, read by
the instance profile's role.
<#elseif model.cloud == "gcp">
Google Secret Manager holds one secret per deployable, `<project>--<deployable>` (infra/modules/secrets),
with one JSON key per variable, read at its latest version by the machines' service account.
<#elseif model.cloud == "azure">
Azure Key Vault holds one secret per deployable, `<project>--<deployable>` (infra/modules/secrets), with
one JSON key per variable, read with the machines' managed identity from the environment's vault, which
the scale set's tag `key-vault` names.
<#else>
No cloud is named: each secret is a systemd credential of the variable's name, which you encrypt
on the machine (`systemd-creds encrypt --name=VARIABLE - /etc/credstore.encrypted/VARIABLE`) and
systemd decrypts into memory for this service only.
</#if>

## Deploy

A new version is new user data (the image tag is in it): replace the group's machines with it,
keeping full capacity healthy<#if model.cloud == "aws"> — the deploy workflow adds a launch template version
and starts an instance refresh of each auto scaling group (infra/modules/runtime-vm)<#elseif model.cloud == "gcp"> — the deploy workflow creates an instance
template with the new user data and starts a rolling update of each managed instance group, new machines
first (infra/modules/runtime-vm)<#elseif model.cloud == "azure"> — the deploy workflow gives each scale set the new custom data, which its rolling
upgrade policy rolls out in batches, new machines first, watched by the Application Health extension
(infra/modules/runtime-vm)<#else>; infra/ and the deploy workflow do not create or roll instance groups
without a cloud</#if>.
