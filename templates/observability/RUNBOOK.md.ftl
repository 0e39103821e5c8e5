<#-- observability/RUNBOOK.md: one section per alert of alerts.yaml. Model: AlertsView. -->
# Runbook — ${model.title}

One section per alert of [alerts.yaml](alerts.yaml): what it means and what to check first.
Severity `page` means now, day or night; `ticket` means within working hours. The objectives and
conventions behind the alerts are in [SLO.md](SLO.md).
<#if model.telemetry?has_content>

Where the telemetry goes: ${model.telemetry?no_esc} When an alert reads no data, check that first.
</#if>
<#list model.groups as g>

## ${g.name}
<#list g.alerts() as a>

### ${a.alert}

Severity `${a.severity()}`, firing after ${a.forDuration} — `${a.expr?no_esc}`

**What it means.** ${a.meaning?no_esc}

First checks:

<#list a.checks as c>
1. ${c?no_esc}
</#list>
</#list>
</#list>
