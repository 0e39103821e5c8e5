<#-- deploy/k8s/base/<name>/externalsecret.yaml. Model: WorkloadView (with an externalSecret). -->
# The External Secrets Operator creates the Secret ${model.secretName?no_esc} from the secret manager;
# no value is ever written here.
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
  refreshInterval: 1h
  secretStoreRef:
    kind: SecretStore
    name: ${model.externalSecret.store}
  target:
    name: ${model.secretName}
    creationPolicy: Owner
  data:
<#list model.secrets as key>
    - secretKey: ${key}
      remoteRef:
        key: ${model.externalSecret.remoteKey}
        property: ${key}
</#list>
