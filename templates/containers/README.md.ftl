<#-- deploy/<platform>/README.md. Model: PlatformView. -->
# ${model.title}

deployment is `managed-containers` on cloud `${model.cloud}`: each deployable runs the image that
`deploy/<name>/Dockerfile` builds on ${model.title}, with no cluster or nodes to run.
`deploy/docker-compose.yaml` stays the way to run the whole system on a laptop.

| Deployable | Descriptor | Instances | CPU | Memory | Ingress |
|---|---|---|---|---|---|
<#list model.services as s>
| ${s.name} | <#if model.folder == "ecs">`${s.name}.task-definition.json`, `${s.name}.service.json`<#elseif model.folder == "cloudrun">`${s.name}.service.yaml`<#else>`${s.name}.containerapp.yaml`</#if> | ${s.minInstances} to ${s.maxInstances} | ${s.cpu} | ${s.memory} | <#if s.exposed>public<#else>internal only</#if> |
</#list>

Instances: the floor is the availability target's (CAPACITY.md), the ceiling CAPACITY.md's
autoscaling maximum. Every image runs as a non-root user (its `USER`), and every service is
checked for health on its port<#if model.folder == "ecs"> (the image's health command, and the load balancer's target group for public ones)</#if>.

## Secrets

No secret is written in these files: each secret variable is a reference into the cloud's secret
manager (secrets decision: `${model.secretsChoice}`), read under the service's own identity, which
may read its own secrets only.
<#if model.folder == "ecs">
AWS Secrets Manager holds one secret per deployable, `<project>/<deployable>`, with one JSON key per
variable; the task's execution role reads it, and the task role is what the code runs as.
<#elseif model.folder == "cloudrun">
Google Secret Manager holds one secret per variable, `<deployable>-<variable>`, read at its
latest version by the service account `<deployable>@PROJECT_ID.iam.gserviceaccount.com`.
<#else>
Azure Key Vault holds one secret per variable, `<deployable>-<variable>`, read by the Container
App's user-assigned identity.
</#if>

## Deploy

<#if model.folder == "ecs">
```sh
aws ecs register-task-definition --cli-input-json file://deploy/ecs/NAME.task-definition.json
aws ecs create-service --cli-input-json file://deploy/ecs/NAME.service.json
```

Autoscaling (Application Auto Scaling) keeps each service between its bounds above, on CPU:
`aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension
ecs:service:DesiredCount --resource-id service/CLUSTER/NAME --min-capacity MIN --max-capacity MAX`.
Services reach each other by name through ECS Service Connect (namespace = the project).
The region is the plan's primary one, `${model.region}`. Replace the placeholders: account
`111122223333`, subnets, security groups and target group ARNs.
<#elseif model.folder == "cloudrun">
```sh
gcloud run services replace deploy/cloudrun/NAME.service.yaml --region ${model.region}
```

Public services take traffic from the internet (`run.googleapis.com/ingress: all`) and still
check tokens; internal ones accept only traffic from the project's network (`internal`) and only
from callers granted `roles/run.invoker`. Replace `PROJECT_ID` and `PROJECT_NUMBER`.
<#if model.cloud == "any">
The project names no cloud: these files are Knative Services (serving.knative.dev/v1), which Cloud
Run and any Knative installation run (`kubectl apply -f`); on Knative, the secret references name
Kubernetes Secrets with the key `latest`.
</#if>
<#else>
```sh
az containerapp create --resource-group RESOURCE_GROUP --name NAME --yaml deploy/containerapps/NAME.containerapp.yaml
```

Public services get external ingress; internal ones are reached only inside the Container Apps
environment, in `${model.region}`. Replace the subscription id and resource group.
</#if>
