<#-- deploy/<platform>/README.md. Model: PlatformView. -->
# ${model.title}

deployment is `${model.deployment}` on cloud `${model.cloud}`: each deployable runs the image that
`deploy/<name>/Dockerfile` builds on ${model.title}, with no cluster or nodes to run.
`deploy/docker-compose.yaml` stays the way to run the whole system on a laptop.
<#if model.deployment == "serverless">

Serverless here means <#if model.folder == "cloudrun">Cloud Run services billed per request: CPU is
allocated only while a request runs, instances scale between the floor (kept warm against cold
starts) and the ceiling below, and Cloud Run functions deploy to the same services<#else>Azure
Functions hosted on Container Apps: the consumption plan bills per use, and replicas scale
between the floor (kept warm against cold starts) and the ceiling below</#if>.

A function that waits for requests never reads its broker by itself, so each consumer is triggered
by the channels api/asyncapi.yaml gives it (the same topic, consumer group and subscription names).
<#if model.folder == "containerapps">Each Container App that consumes has a KEDA scale rule per channel
(`properties.template.scale.rules`): the Kafka consumer group's lag (the broker user's credentials
from Key Vault), the Service Bus subscription's length (read with the app's own identity, no
connection string) or the RabbitMQ queue's length. KEDA wakes the consumer and adds replicas on
the backlog; the consumer then reads the broker itself.<#else>On Google Pub/Sub each consumer's
subscriptions push every message to its service at `/pubsub/push`, with an OIDC token of the
service's identity (`infra/`, module broker): grant that identity `roles/run.invoker` on its
service. Kafka, RabbitMQ and an unnamed pub/sub service have no Cloud Run trigger: their consumers
keep their CPU between requests (`run.googleapis.com/cpu-throttling: "false"`) and read the group's
topics (`KAFKA_CONSUMER_GROUP`, `KAFKA_TOPICS`), their queues (`RABBITMQ_QUEUES`) or subscriptions
(`PUBSUB_SUBSCRIPTIONS`) themselves.</#if>
<#list model.services?filter(s -> s.triggers?has_content) as s>
<#if s?is_first>

| Deployable | Folder | Triggered by |
|---|---|---|
</#if>
| ${s.name} | `${s.dir}` | <#list s.triggers as t><#if t.type == "pull">pulls (CPU kept)<#else>${t.type}: <#list t.metadata?filter(m -> m.key == "topic" || m.key == "topicName" || m.key == "queueName" || m.key == "consumerGroup" || m.key == "subscriptionName") as m>`${m.value}`<#sep> </#list></#if><#sep>; </#list> |
</#list>
</#if>

| Deployable | Region | Descriptor | Instances | CPU | Memory | Ingress |
|---|---|---|---|---|---|---|
<#list model.services as s>
<#assign at = s.dir?remove_beginning("deploy/" + model.folder + "/")>
| ${s.name} | ${s.region} | <#if model.folder == "ecs">`${at}${s.name}.task-definition.json`, `${at}${s.name}.service.json`<#elseif model.folder == "cloudrun">`${at}${s.name}.service.yaml`<#else>`${at}${s.name}.containerapp.yaml`</#if> | ${s.minInstances} to ${s.maxInstances} | ${s.cpu} | ${s.memory} | <#if s.exposed>public<#else>internal only</#if> |
</#list>
<#if model.services?has_content && model.services[0].dir != "deploy/" + model.folder + "/">

Data residency: each cell runs its own copy of every deployable from its folder `prod-<cell>/`, in
the cell's primary region, with the cell's own database, cache, broker and secrets; the variables
`CELL`, `CELL_REGION`, `CELL_REGIONS` and `BACKUP_REGION` name where its data may be.
</#if>

Instances: the floor is the availability target's (CAPACITY.md), the ceiling CAPACITY.md's
autoscaling maximum. Every image runs as a non-root user (its `USER`), and every service is
checked for health on its port<#if model.folder == "ecs"> (the image's health command, and the load balancer's target group for public ones)</#if>.
<#if model.telemetry?has_content>

Telemetry: ${model.telemetry?no_esc}
</#if>

## Secrets

No secret is written in these files: each secret variable is a reference into the cloud's secret
manager (secrets decision: `${model.secretsChoice}`), read under the service's own identity, which
may read its own secrets only.
<#if model.folder == "ecs">
AWS Secrets Manager holds one secret per deployable, `<project>/<deployable>` (in dev and staging
`<project>-<root>/<deployable>`, with the log group `/ecs/<project>-<root>/<deployable>`, which the
deploy job puts in), with one JSON key per variable; the task's execution role reads it, and the task
role is what the code runs as.
<#elseif model.folder == "cloudrun">
Google Secret Manager holds one secret per variable, `<deployable>-<variable>`, read at its
latest version by the service account `<project>-<deployable>@PROJECT_ID.iam.gserviceaccount.com`
(infra/ creates it); each service reaches the private addresses through the VPC connector named
after the project.
<#else>
Azure Key Vault holds one secret per variable, `<deployable>-<variable>`, read by the Container
App's user-assigned identity. The descriptors name production's resource group and vault as infra/
creates them (`<project>-prod`, or `<project>-prod-<cell>`); the deploy workflow puts each
environment's resource group and vault in their place (`RESOURCE_GROUP`, `KEY_VAULT`).
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
Each descriptor names its region (the table above). Replace the placeholders: account
`111122223333`, subnets, security groups and target group ARNs.
<#elseif model.folder == "cloudrun">
```sh
gcloud run services replace deploy/cloudrun/NAME.service.yaml --region REGION
```

Public services take traffic from the internet (`run.googleapis.com/ingress: all`) and still
check tokens; internal ones accept only traffic from the project's network (`internal`) and only
from callers granted `roles/run.invoker`. Replace `PROJECT_ID` and `PROJECT_NUMBER` when you apply them by
hand; the deploy workflow puts in its environment's project and that project's number.
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
environment, in its region (the table above). Replace the subscription id and resource group.
</#if>
