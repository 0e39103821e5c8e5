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
<#list model.restores as r>
<#if r?is_first>

## Restore in the recovery region

The databases' backups are copied to each cell's recovery region (the backup-dr record, CAPACITY.md).
<#if model.notForCells?has_content>
${model.notForCells}
</#if>
When the primary region is lost:
</#if>

### ${r.cell}: ${r.primary} → ${r.recovery}

<#list r.stepsMd as s>
1. ${s?no_esc}
</#list>
</#list>
<#if model.second??>

## Fail over to the second region

backup-dr is ${model.second.mode}: `infra/envs/${model.second.root}` keeps replicas of production's databases in
${model.second.region}<#if model.second.warm()>, with a warm standby of the stack at its floor<#else>, which serves beside ${model.second.primaryRegion}</#if>.
When ${model.second.primaryRegion} is lost:

<#list model.failoverStepsMd as s>
1. ${s?no_esc}
</#list>
</#if>
