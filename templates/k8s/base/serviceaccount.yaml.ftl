<#-- deploy/k8s/base/<name>/serviceaccount.yaml. Model: WorkloadView. -->
# ${model.name?no_esc} does not call the Kubernetes API: no token is mounted.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
automountServiceAccountToken: false
