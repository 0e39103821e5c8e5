<#-- deploy/k8s/base/<name>/deployment.yaml. Model: WorkloadView. -->
# ${model.name?no_esc}: replicas are the HorizontalPodAutoscaler's (hpa.yaml), so none are set here.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${model.name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${model.name}
        app.kubernetes.io/part-of: ${model.project}
<#if model.network.telemetry.scraped>
      annotations:
        prometheus.io/scrape: ${"true"}
        prometheus.io/port: ${model.network.telemetry.port?c}
        prometheus.io/path: ${model.network.telemetry.path}
</#if>
    spec:
      serviceAccountName: ${model.name}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: ${model.uid}
        runAsGroup: ${model.uid}
        fsGroup: ${model.uid}
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: ${model.name}
          image: ${model.image}
          imagePullPolicy: IfNotPresent
          ports:
            - name: ${model.portName}
              containerPort: ${model.port}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: ${model.name}
<#if model.secrets?has_content>
          env:
<#list model.secrets as key>
            - name: ${key}
              valueFrom:
                secretKeyRef:
                  name: ${model.secretName}
                  key: ${key}
</#list>
</#if>
          resources:
            requests:
              cpu: ${model.size.cpuRequest}
              memory: ${model.size.memoryRequest}
            limits:
              cpu: ${model.size.cpuLimit}
              memory: ${model.size.memoryLimit}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            runAsUser: ${model.uid}
            runAsGroup: ${model.uid}
            capabilities:
              drop:
                - ALL
<#list [["startupProbe", 5, 30], ["livenessProbe", 10, 3], ["readinessProbe", 5, 3]] as probe>
          ${probe[0]?no_esc}:
<#if model.grpc>
            grpc:
              port: ${model.port}
<#else>
            httpGet:
              path: ${(probe[0] == "readinessProbe")?then(model.readyPath, model.livePath)}
              port: ${model.port}
</#if>
            periodSeconds: ${probe[1]}
            timeoutSeconds: 2
            failureThreshold: ${probe[2]}
</#list>
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
