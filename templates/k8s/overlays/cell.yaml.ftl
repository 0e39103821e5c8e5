<#-- deploy/k8s/overlays/prod-<jurisdiction>/cell.yaml: each deployable's ConfigMap names its cell. Model: CellOverlayView. -->
<#list model.workloads as w>
<#if !w?is_first>
---
</#if>
# ${w?no_esc} in the ${model.cell.jurisdiction?no_esc} cell: its database, replicas, cache, broker and backups are in CELL_REGIONS only.
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${w}
data:
  CELL: ${model.cell.jurisdiction}
  CELL_REGION: ${model.primary()}
  CELL_REGIONS: ${model.regions()}
  BACKUP_REGION: ${model.cell.recovery}
</#list>
