<#-- deploy/k8s/base/<name>/hpa.yaml. Model: WorkloadView. -->
# Bounds from CAPACITY.md (sizing per deployable): production; the dev and staging overlays lower them.
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${model.name}
  minReplicas: ${model.size.hpaMin}
  maxReplicas: ${model.size.hpaMax}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: ${model.cpuTargetPercent}
