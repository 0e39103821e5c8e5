<#-- security/THREAT-MODEL.md: STRIDE per element and per data flow of this system. Model: ThreatModelView. -->
# Threat model — ${model.title}

STRIDE (spoofing, tampering, repudiation, information disclosure, denial of service, elevation of
privilege) applied to every element and every data flow of this system, ${model.architecture?no_esc}.
Each threat names its mitigation, where the mitigation is met — a generated artifact (linked), a
section of [SECURITY.md](SECURITY.md), or `team:` and what the team has to build — and the risk
that remains once the mitigation is in place:

- **Low**: met by a generated artifact or a managed platform control.
- **Medium**: met by code or configuration the team writes, or data that stays exposed to a
  narrower audience than it should.
- **High**: the plan leaves a gap that must be closed before going live.

Revisit this model with every design change: regenerate it after editing the requirements.

## Components

| Element | Kind | Zone | Holds |
|---|---|---|---|
<#list model.components as c>
| ${c.name} | ${c.kind} | ${c.zone} | ${c.holds} |
</#list>

## Data flows

| Flow | From | To | Carries | Channel |
|---|---|---|---|---|
<#list model.flows as fl>
| ${fl.name} | ${fl.from} | ${fl.to} | ${fl.carries} | ${fl.channel} |
</#list>

## Residual risks

<#list model.highRisks>
High — these must be resolved before going live:

<#items as h>
- ${h}
</#items>
<#else>
No threat below is left at a high residual risk.
</#list>
<#list model.openRisksMd>

Left open by the requirements — settle them there and regenerate:

<#items as o>
- ${o?no_esc}
</#items>
<#else>

The requirements state who may read and write every entity, and no role may write them all.
</#list>
<#list model.sections as s>

## ${s.heading}

${s.introMd?no_esc}
<#list s.elements as e>

### ${e.name}

*${e.kind}* — ${e.summaryMd?no_esc}

| STRIDE | Threat | Mitigation | Where it is met | Residual risk |
|---|---|---|---|---|
<#list e.threats as t>
| ${t.category} | ${t.threatMd?no_esc} | ${t.mitigationMd?no_esc} | ${t.whereMd?no_esc} | ${t.residual} |
</#list>
</#list>
</#list>
