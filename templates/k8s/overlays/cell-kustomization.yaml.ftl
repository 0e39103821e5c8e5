<#-- deploy/k8s/overlays/prod-<jurisdiction>/kustomization.yaml, or backup-dr's second region's (no cell). Model: CellOverlayView. -->
<#list model.notes as note>
# ${note?no_esc}
</#list>
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../prod
<#if model.images?has_content>
images:
<#list model.images as i>
  - name: ${i.name}
    newName: ${i.newName}
</#list>
</#if>
<#if model.cell?? || model.secretStore?has_content>
patches:
</#if>
<#if model.cell??>
  - path: cell.yaml
</#if>
<#list model.secretStore as p>
  - target:
      kind: ${p.kind}
      name: ${p.name}
    patch: |-
      - op: replace
        path: ${p.path?no_esc}
        value: ${p.value}
</#list>
