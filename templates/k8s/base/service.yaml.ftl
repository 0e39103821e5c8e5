<#-- deploy/k8s/base/<name>/service.yaml. Model: WorkloadView. -->
apiVersion: v1
kind: Service
metadata:
  name: ${model.name}
  labels:
    app.kubernetes.io/name: ${model.name}
    app.kubernetes.io/part-of: ${model.project}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${model.name}
  ports:
    - name: ${model.portName}
      port: ${model.port}
      targetPort: ${model.port}
      protocol: TCP
<#if model.grpc>
      appProtocol: grpc
</#if>
