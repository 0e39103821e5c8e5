<#-- deploy/k8s/base/<name>/pdb.yaml. Model: WorkloadView. -->
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
<#if (model.size.minAvailable > 0)>
  minAvailable: ${model.size.minAvailable}
<#else>
  # one replica at the autoscaling minimum: a minAvailable would block every node drain
  maxUnavailable: 1
</#if>
  selector:
    matchLabels:
      app.kubernetes.io/name: ${model.name}
