<#-- deploy/k8s/base/<name>/ingress.yaml. Model: WorkloadView (with an ingress). -->
# The production host; the dev and staging overlays patch it. The TLS certificate is a Secret that
# cert-manager (or your platform) issues: it is referenced here, never defined.
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
<#if (model.ingress.rateLimitPerMinute > 0)>
    # the API gateway decision: a per-client rate limit at the edge
    nginx.ingress.kubernetes.io/limit-rpm: ${model.ingress.rateLimitPerMinute?c}
</#if>
spec:
  ingressClassName: ${model.ingress.className}
  tls:
    - hosts:
        - ${model.ingress.host}
      secretName: ${model.ingress.tlsSecret}
  rules:
    - host: ${model.ingress.host}
      http:
        paths:
          - path: ${model.ingress.path}
            pathType: Prefix
            backend:
              service:
                name: ${model.name}
                port:
                  number: ${model.port}
