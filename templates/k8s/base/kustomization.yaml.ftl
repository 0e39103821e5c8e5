<#-- deploy/k8s/base/kustomization.yaml. Model: KustomizationView. -->
# The production manifests of ${model.project?no_esc}; build an environment with kubectl kustomize overlays/ENV.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
<#list model.resources as r>
  - ${r}
</#list>
