<#-- deploy/k8s/base/default-deny.yaml. Model: KustomizationView. -->
# Nothing reaches a pod and no pod reaches anything unless a NetworkPolicy of the deployable allows it.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  labels:
    app.kubernetes.io/part-of: ${model.project}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
