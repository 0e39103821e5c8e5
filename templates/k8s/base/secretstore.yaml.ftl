<#-- deploy/k8s/base/secretstore.yaml. Model: SecretStoreView. -->
# ${model.note?no_esc}.
# The External Secrets Operator authenticates as the ServiceAccount below; the pods never see its token.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${model.serviceAccount}
<#if model.annotations?has_content>
  annotations:
<#list model.annotations as a>
    ${a.key}: ${a.value}
</#list>
</#if>
automountServiceAccountToken: false
---
apiVersion: external-secrets.io/v1
kind: SecretStore
metadata:
  name: ${model.name}
spec:
  provider:
<#if model.provider == "aws">
    aws:
      service: SecretsManager
      region: ${model.location}
      auth:
        jwt:
          serviceAccountRef:
            name: ${model.serviceAccount}
<#elseif model.provider == "gcp">
    gcpsm:
      projectID: ${model.location}
      auth:
        workloadIdentity:
          clusterLocation: CLUSTER_LOCATION
          clusterName: CLUSTER_NAME
          serviceAccountRef:
            name: ${model.serviceAccount}
<#elseif model.provider == "azure">
    azurekv:
      vaultUrl: ${model.location}
      authType: WorkloadIdentity
      serviceAccountRef:
        name: ${model.serviceAccount}
<#else>
    vault:
      server: ${model.location}
      path: secret
      version: v2
      auth:
        kubernetes:
          mountPath: kubernetes
          role: ${model.name}
          serviceAccountRef:
            name: ${model.serviceAccount}
</#if>
