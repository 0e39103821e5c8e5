<#-- CAPACITY.md: the capacity arithmetic and the cost estimate. Model: CapacityView. -->
# Capacity and cost — ${model.title}

Every number below is computed by archforge from the requirements and the blueprint's stated
assumptions; the formula and its inputs stand next to it, so each one can be checked by hand and
changed at its source. The runtime's autoscaling bounds are the ones in the sizing table.

<#if model.cells?has_content>
## Cells

<#if model.residency>
`dataResidency` keeps each jurisdiction's users' data in its own regions: the system runs as one cell per
jurisdiction, each a complete copy of the services and their stores. The sections below size the whole
system as if one cell took all of it: the runtime's autoscaling bounds in every cell are those, so a cell
can take more than its share. Each cell's own share, sizing and bill follow under its name; the monthly
cost is their sum, and the budget is checked against that sum.
<#else>
The system runs as one cell in the blueprint's home regions (no `dataResidency`). The figures below are per
region and hold in each serving region.
</#if>

| Cell | Jurisdiction | Serving regions | Recovery region (backups, standby) |
|---|---|---|---|
<#list model.cells as c>
| ${c.jurisdiction} | ${c.title} | ${c.serving} | ${c.recovery} |
</#list>

</#if>
<#list model.sections as s>
## ${s.heading}

| Figure | Value | Formula | Inputs |
|---|---|---|---|
<#list s.figures as r>
| ${r.figure.label} | **${r.value}** ${r.figure.unit} | `${r.figure.formula?no_esc}` | ${r.inputs} |
</#list>

</#list>
<#if model.poolerNeeded>
The connections at the autoscaling maximum exceed 80 % of what a database accepts: put a connection
pooler (PgBouncer in transaction mode, or the cloud's proxy) between the services and the database.

</#if>
## Sizing per deployable

| Deployable | Share of peak (req/s) | Pods at peak | Autoscaling min | Autoscaling max | CPU / memory per pod | DB pool per pod | DB connections at max |
|---|---|---|---|---|---|---|---|
<#list model.services as s>
| ${s.service} | ${s.rps?string("0.##")} | ${s.podsNeeded} | ${s.hpaMin} | ${s.hpaMax} | ${s.cpuMillis}m / ${s.memoryMib} MiB | ${s.poolSize} | ${s.dbConnections} |
</#list>

<#list model.services as s>
<#list s.figures as f>
<#if f?is_first>
### ${s.service}

| Figure | Value | Formula | Inputs |
|---|---|---|---|
</#if>
| ${f.label} | **${f.shown()}** ${f.unit} | `${f.formula?no_esc}` | <#list f.inputs as i>${i.key} = ${i.shown()}<#sep>, </#list> |
<#if f?is_last>

</#if>
</#list>
</#list>
<#list model.cellBills as b>
## Cell ${b.jurisdiction} — ${b.title}

This cell carries a share of **${b.share}** of the system's users, traffic and data (${b.basis}), in its
own serving regions.

| Figure | Value | Formula | Inputs |
|---|---|---|---|
<#list b.figures as r>
| ${r.figure.label} | **${r.value}** ${r.figure.unit} | `${r.figure.formula?no_esc}` | ${r.inputs} |
</#list>

| Deployable | Share of peak (req/s) | Pods at peak | Autoscaling min | CPU / memory per pod |
|---|---|---|---|---|
<#list b.services as s>
| ${s.service} | ${s.rps?string("0.##")} | ${s.podsNeeded} | ${s.hpaMin} | ${s.cpuMillis}m / ${s.memoryMib} MiB |
</#list>

Its monthly bill on **${model.cost.cloud}**:

| Component | Sizing | USD / month | How | Prices of |
|---|---|---|---|---|
<#list b.items as i>
| ${i.component} | ${i.sizing} | ${i.monthlyUsd?string("#,##0")} | `${i.formula?no_esc}` | ${i.priceDate} |
</#list>
| **Cell ${b.jurisdiction}** | | **${b.totalUsd}** | | |

</#list>
## Monthly cost

An order-of-magnitude estimate on **${model.cost.cloud}** from list prices as of ${model.cost.priceDate}
(${model.cost.priceSource}). It is for comparing plans, not a quote.

<#if model.cellBills?has_content>
| Cell | Share | USD / month |
|---|---|---|
<#list model.cellBills as b>
| ${b.jurisdiction} | ${b.share} | ${b.totalUsd} |
</#list>
| **Total** (the sum of the cells' bills above) | | **${model.cost.totalUsd?string("#,##0")}** |
<#else>
| Component | Sizing | USD / month | How | Prices of |
|---|---|---|---|---|
<#list model.cost.items as i>
| ${i.component} | ${i.sizing} | ${i.monthlyUsd?string("#,##0")} | `${i.formula?no_esc}` | ${i.priceDate} |
</#list>
| **Total** | | **${model.cost.totalUsd?string("#,##0")}** | | |
</#if>

The cache is sized from the reads, not from the data alone: the hot share of the data, capped by what
a region's reads can touch while an entry lives (see Cache above). How monthly volumes (egress, logs,
traces, messages) follow from the peak rates is under Assumptions.

The same plan under each way of running it (the deployment record weighs them): <#list model.byDeployment as c>${c.cloud} $${c.monthlyUsd}<#if c.chosen> (chosen)</#if><#sep>, </#list>.

<#if (model.byCloud?size > 1)>
The same plan on each cloud of the price table: <#list model.byCloud as c>${c.cloud} $${c.monthlyUsd}<#if c.chosen> (above)</#if><#sep>, </#list>.

</#if>
<#if model.cost.budgetUsd??>
<#if model.cost.overBudget()>
**Over budget**: the budget is $${model.cost.budgetUsd?string("#,##0")} per month. What to cut, largest saving first:

<#list model.cost.cuts as c>
1. ${c}
</#list>

${model.cost.verdict}
<#else>
Within the budget of $${model.cost.budgetUsd?string("#,##0")} per month.
</#if>
<#else>
No budget is given (project.budget.monthlyUsd), so the estimate is not checked against one.
</#if>

## Assumptions

<#list model.assumptions as a>
- ${a}
</#list>
<#if model.openQuestions?has_content>

## Open questions

The figures above rest on these answers; each names the key that settles it.

<#list model.openQuestions as q>
- ${q}
</#list>
</#if>
