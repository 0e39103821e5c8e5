<#-- deploy/k8s/base/<name>/httproute.yaml. Model: WorkloadView (with a route that has paths). -->
# The public HTTP services of ${model.name?no_esc}, by path prefix; an internal service has no route.
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
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
<#list model.route.paths as path>
    - matches:
        - path:
            type: PathPrefix
            value: ${path}
      backendRefs:
        - name: ${model.name}
          port: ${model.port}
</#list>
