<#-- deploy/k8s/overlays/<env>/gateway.yaml. Model: GatewayView (with this environment's host). -->
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${model.name}
spec:
  gatewayClassName: ${model.className}
  listeners:
    - name: https
      hostname: ${model.host}
      port: 443
      protocol: HTTPS
      tls:
        mode: Terminate
        certificateRefs:
          - name: ${model.tlsSecret}
      allowedRoutes:
        namespaces:
          from: Same
