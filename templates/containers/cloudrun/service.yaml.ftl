<#-- deploy/cloudrun/<name>.service.yaml. Model: ContainerView. -->
# ${model.name?no_esc}: a Knative Service (serving.knative.dev/v1) as Cloud Run reads it:
#   gcloud run services replace ${model.dir?no_esc}${model.name?no_esc}.service.yaml --region ${model.region?no_esc}
# Instances ${model.minInstances} to ${model.maxInstances} and the resources are CAPACITY.md's; the image runs as user ${model.uid} (its USER).
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: ${model.name}
  labels:
    part-of: ${model.project}
  annotations:
<#if model.exposed>
    run.googleapis.com/ingress: all
<#else>
    run.googleapis.com/ingress: internal
</#if>
spec:
  template:
    metadata:
      annotations:
        autoscaling.knative.dev/minScale: ${model.minInstances?c}
        autoscaling.knative.dev/maxScale: ${model.maxInstances?c}
        run.googleapis.com/execution-environment: gen2
        run.googleapis.com/vpc-access-connector: ${model.connector}
        run.googleapis.com/vpc-access-egress: private-ranges-only
        run.googleapis.com/startup-cpu-boost: "true"
<#if model.triggers?has_content>
        # it consumes events by reading its broker itself: CPU stays allocated between requests
        run.googleapis.com/cpu-throttling: "false"
</#if>
<#list model.sidecars as c>
        run.googleapis.com/container-dependencies: '{"${model.name?no_esc}":["${c.name?no_esc}"]}'
</#list>
    spec:
      serviceAccountName: ${model.identity}
      containerConcurrency: 80
      timeoutSeconds: 60
      containers:
        - name: ${model.name}
          image: ${model.image}
          ports:
            - name: ${model.grpc?then("h2c", "http1")}
              containerPort: ${model.port}
<#if model.env?has_content || model.secrets?has_content>
          env:
<#list model.env as e>
            - name: ${e.key}
              value: ${e.value}
</#list>
<#list model.secrets as s>
            - name: ${s.key}
              valueFrom:
                secretKeyRef:
                  name: ${s.value}
                  key: latest
</#list>
</#if>
          resources:
            limits:
              cpu: ${model.cpu}
              memory: ${model.memory}
<#list [["startupProbe", 5, 30], ["livenessProbe", 10, 3]] as probe>
          ${probe[0]?no_esc}:
<#if model.grpc>
            grpc:
              port: ${model.port}
<#else>
            httpGet:
              path: ${(probe[0] == "startupProbe")?then(model.readyPath, model.livePath)}
              port: ${model.port}
</#if>
            periodSeconds: ${probe[1]}
            timeoutSeconds: 2
            failureThreshold: ${probe[2]}
</#list>
<#list model.sidecars as c>
        - name: ${c.name}
          image: ${c.image}
          args:
<#list c.command as part>
            - ${part}
</#list>
          resources:
            limits:
              cpu: "1"
              memory: 512Mi
</#list>
