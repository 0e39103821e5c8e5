<#-- deploy/k8s/base/gateway.yaml. Model: GatewayView. -->
# The edge of ${model.name?no_esc} (Gateway API): one HTTPS listener for the production host; the dev and
# staging overlays patch the host. The controller is the platform's: set gatewayClassName to its
# GatewayClass (Envoy Gateway, Istio, Cilium, a cloud's load balancer). cert-manager issues the
# certificate into the Secret named here; it is referenced, never defined.
<#if (model.rateLimitPerMinute > 0)>
# The API gateway decision limits each client to ${model.rateLimitPerMinute?c?no_esc} requests per minute: the Gateway API has no
# core field for it, so attach your implementation's policy to this Gateway (Envoy Gateway's
# BackendTrafficPolicy, Kong's rate-limiting plugin, a cloud WAF rule).
</#if>
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/part-of: ${model.name}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
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
