<#-- deploy/k8s/base/<name>/configmap.yaml. Model: WorkloadView. -->
# The non-secret environment of ${model.name?no_esc}. Hosts ending in .internal.example are placeholders for the
# managed database, cache and broker endpoints of each environment.
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
data:
<#list model.config as e>
  ${e.key}: ${e.value}
</#list>
