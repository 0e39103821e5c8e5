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
<#if model.workloads?has_content || model.gateway?? || model.secretStore?has_content>
patches:
<#if model.gateway??>
  - path: ${"gateway.yaml"}
</#if>
<#list model.workloads as w>
  - path: ${w.name + ".yaml"}
</#list>
<#list model.secretStore as p>
<#if p?index == 0 || model.secretStore[p?index - 1].kind != p.kind || model.secretStore[p?index - 1].name != p.name>
  # the secret manager infra/ creates for this environment<#if p.kind == "ExternalSecret">: its entries are named after the root</#if>
  - target:
      kind: ${p.kind}
      name: ${p.name}
    patch: |-
</#if>
      - op: replace
        path: ${p.path?no_esc}
        value: ${p.value}
</#list>
</#if>
