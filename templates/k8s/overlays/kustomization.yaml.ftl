<#-- deploy/k8s/overlays/<env>/kustomization.yaml. Model: OverlayView. -->
<#list model.notes as note>
# ${note?no_esc}
</#list>
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${model.namespace}
resources:
  - ../../base
<#if model.images?has_content>
images:
<#list model.images as i>
  - name: ${i.name}
    newName: ${i.newName}
</#list>
</#if>
<#if model.workloads?has_content || model.gateway?? || model.secretStore??>
patches:
<#if model.gateway??>
  - path: ${"gateway.yaml"}
</#if>
<#list model.workloads as w>
  - path: ${w.name + ".yaml"}
</#list>
<#if model.secretStore??>
  # the secret manager infra/ creates for this environment
  - target:
      kind: SecretStore
      name: ${model.secretStore.name}
    patch: |-
      - op: replace
        path: ${model.secretStore.path?no_esc}
        value: ${model.secretStore.value}
</#if>
</#if>
