<#-- deploy/k8s/overlays/<env>/<name>.yaml: strategic-merge patches of one deployable. Model: OverlayView.Patch. -->
<#assign s = model.size>
# ${model.name?no_esc} in ${model.environment?no_esc}: ${model.summary?no_esc}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${model.name}
spec:
  template:
    spec:
<#if model.spread>
      # the availability decision: spread over zones, and over nodes where possible
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ${model.zoneRule}
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${model.name}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    app.kubernetes.io/name: ${model.name}
</#if>
      containers:
        - name: ${model.name}
          resources:
            requests:
              cpu: ${s.cpuRequest}
              memory: ${s.memoryRequest}
            limits:
              cpu: ${s.cpuLimit}
              memory: ${s.memoryLimit}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${model.name}
spec:
  minReplicas: ${s.hpaMin}
  maxReplicas: ${s.hpaMax}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${model.name}
spec:
<#if (s.minAvailable > 0)>
  minAvailable: ${s.minAvailable}
  maxUnavailable: null
<#else>
  minAvailable: null
  maxUnavailable: 1
</#if>
<#if model.route?? && model.route.paths?has_content>
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${model.name}
spec:
  hostnames:
    - ${model.route.host}
</#if>
<#if model.route?? && model.route.grpcServices?has_content>
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: ${model.name}
spec:
  hostnames:
    - ${model.route.host}
</#if>
