<#-- observability/SLO.md: SLIs, SLOs, error budgets, burn-rate alerts and telemetry conventions. Model: SloView. -->
# Service level objectives — ${model.title}

${model.introMd?no_esc}

## Objectives

${model.sliMd?no_esc}

| Service | Deployable | Availability objective | Error budget (minutes per 30 days) | Latency objective | Requests selected by |
|---|---|---|---|---|---|
<#list model.targets as t>
| ${t.service} | ${t.deployable} | ${t.availability} | ${t.budgetMinutes} | ${t.latency} | `${t.histogram?no_esc}{${t.selector?no_esc}}` |
</#list>

<#list model.notesMd as n>
- ${n?no_esc}
</#list>

## Burn-rate alerts

Multi-window, multi-burn-rate alerts after the Google SRE workbook: an alert fires when the error
ratio over both its long and its short window exceeds the burn rate times the budget (for
availability, 1 − objective; for latency, 1 %). The short window makes the alert stop soon after
the problem does. Each target has the three alerts below for each SLI, named
`<Service><Sli>…`, e.g. `${model.exampleAlert}`.

| Alert | Severity | Long window | Short window | Burn rate | Budget spent when it fires | Budget gone in | For |
|---|---|---|---|---|---|---|---|
<#list model.policies as p>
| `${p.alert}` | ${p.severity} | ${p.longWindow} | ${p.shortWindow} | ${p.factor} | ${p.spent} | ${p.exhausted} | ${p.forDuration} |
</#list>

Beside the SLO alerts, every deployable has an error-rate alert (it pages for deployables no SLO
covers) and saturation alerts; all of them are listed at the end.

## Telemetry conventions

The rules read these metrics under these names; a service that exports them otherwise is not
watched.

| Signal | Metric | Labels | Exported by |
|---|---|---|---|
<#list model.metrics as m>
| ${m.signal} | ${m.metric?no_esc} | ${m.labels?no_esc} | ${m.source?no_esc} |
</#list>

Logs:

<#list model.loggingMd as l>
- ${l?no_esc}
</#list>

Traces:

<#list model.tracingMd as l>
- ${l?no_esc}
</#list>

## Dashboards to build

<#list model.dashboardsMd as d>
- ${d?no_esc}
</#list>

## Alerts

| Alert | Severity | Group | Summary |
|---|---|---|---|
<#list model.alerts as a>
| [${a.name}](RUNBOOK.md#${a.anchor}) | ${a.severity} | ${a.group} | ${a.summary} |
</#list>
