<#-- deploy/k8s/base/<name>/networkpolicy.yaml. Model: WorkloadView. -->
# The flows the requirements imply for ${model.name?no_esc}; default-deny.yaml refuses everything else.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${model.name}
  policyTypes:
    - Ingress
    - Egress
<#assign telemetry = model.network.telemetry>
<#if model.network.fromGateway || model.network.callers?has_content || telemetry.scraped>
  ingress:
<#if model.network.fromGateway>
    # public: from the Gateway's proxies
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ${model.network.gatewayNamespace}
      ports:
        - port: ${model.port}
          protocol: TCP
</#if>
<#if telemetry.scraped>
    # metrics: Prometheus scrapes ${telemetry.path?no_esc}
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ${telemetry.namespace}
      ports:
        - port: ${telemetry.port}
          protocol: TCP
</#if>
<#list model.network.callers as caller>
    # ${caller?no_esc} calls ${model.name?no_esc}
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: ${caller}
      ports:
        - port: ${model.port}
          protocol: TCP
</#list>
<#else>
  ingress: []
</#if>
  egress:
    # DNS
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
<#list model.network.callees as callee>
    # ${model.name?no_esc} calls ${callee?no_esc}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: ${callee}
      ports:
        - port: ${model.port}
          protocol: TCP
</#list>
<#if !telemetry.scraped>
    # telemetry: OTLP to the OpenTelemetry Collector
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ${telemetry.namespace}
      ports:
        - port: ${telemetry.port}
          protocol: TCP
</#if>
<#list model.network.egress as e>
    # ${e.purpose?no_esc}, outside the cluster: narrow it with an ipBlock once its addresses are known
    - ports:
        - port: ${e.port}
          protocol: TCP
</#list>
