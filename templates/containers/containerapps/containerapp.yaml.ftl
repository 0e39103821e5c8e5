<#-- deploy/containerapps/<name>.containerapp.yaml. Model: ContainerView. -->
# ${model.name?no_esc}: an Azure Container App (Microsoft.App/containerApps) as the CLI reads it:
#   az containerapp create --resource-group ${model.group?no_esc} --name ${model.name?no_esc} --yaml ${model.dir?no_esc}${model.name?no_esc}.containerapp.yaml
# Replicas ${model.minInstances} to ${model.maxInstances} and the resources are CAPACITY.md's; the image runs as user ${model.uid} (its USER).
location: ${model.region}
name: ${model.name}
type: Microsoft.App/containerApps
identity:
  type: UserAssigned
  userAssignedIdentities:
    ${model.identity}: {}
properties:
  managedEnvironmentId: ${"/subscriptions/" + model.account + "/resourceGroups/" + model.group + "/providers/Microsoft.App/managedEnvironments/" + model.environment}
  configuration:
    activeRevisionsMode: Single
    # the image is pulled from the root's registry with the app's managed identity (AcrPull, infra/)
    registries:
      - server: ${model.image?keep_before("/")}
        identity: ${model.identity}
    ingress:
      external: ${model.exposed?c?no_esc}
      targetPort: ${model.port}
      transport: ${model.grpc?then("http2", "http")}
      allowInsecure: false
<#if model.secrets?has_content>
    secrets:
<#list model.secrets as s>
      - name: ${s.key?lower_case?replace("_", "-")}
        keyVaultUrl: ${s.value}
        identity: ${model.identity}
</#list>
</#if>
  template:
    containers:
      - name: ${model.name}
        image: ${model.image}
<#if model.env?has_content || model.secrets?has_content>
        env:
<#list model.env as e>
          - name: ${e.key}
            value: ${e.value}
</#list>
<#list model.secrets as s>
          - name: ${s.key}
            secretRef: ${s.key?lower_case?replace("_", "-")}
</#list>
</#if>
        resources:
          cpu: ${model.cpu?no_esc}
          memory: ${model.memory}
        probes:
<#list [["Startup", 5, 30], ["Liveness", 10, 3], ["Readiness", 5, 3]] as probe>
          - type: ${probe[0]}
<#if model.grpc>
            tcpSocket:
              port: ${model.port}
<#else>
            httpGet:
              path: ${(probe[0] == "Liveness")?then(model.livePath, model.readyPath)}
              port: ${model.port}
</#if>
            periodSeconds: ${probe[1]}
            timeoutSeconds: 2
            failureThreshold: ${probe[2]}
</#list>
    scale:
      minReplicas: ${model.minInstances}
      maxReplicas: ${model.maxInstances}
<#if model.triggers?has_content>
      # KEDA wakes the consumer and adds replicas on its backlog; the consumer reads the broker itself.
      rules:
<#list model.triggers as t>
        - name: ${t.name}
          custom:
            type: ${t.type}
            metadata:
<#list t.metadata as m>
              ${m.key?no_esc}: ${m.value}
</#list>
<#if t.auth?has_content>
            auth:
<#list t.auth as a>
              - secretRef: ${a.value}
                triggerParameter: ${a.key}
</#list>
</#if>
<#if t.identity?has_content>
            identity: ${t.identity}
</#if>
</#list>
</#if>
