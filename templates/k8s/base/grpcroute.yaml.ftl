<#-- deploy/k8s/base/<name>/grpcroute.yaml. Model: WorkloadView (with a route that has gRPC services). -->
# The public gRPC services of ${model.name?no_esc}, by the service their proto file declares.
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
  parentRefs:
    - name: ${model.route.gateway}
      sectionName: https
  hostnames:
    - ${model.route.host}
  rules:
<#list model.route.grpcServices as service>
    - matches:
        - method:
            type: Exact
            service: ${service}
      backendRefs:
        - name: ${model.name}
          port: ${model.port}
</#list>
