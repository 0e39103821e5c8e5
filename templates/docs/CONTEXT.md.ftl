<#-- CONTEXT.md: the decisions at a glance, for the next agent or person. Model: DocsView. -->
# Context — ${model.title}

<#if model.description??>
${model.description}

</#if>
Project `${model.project?no_esc}`<#if model.domain??>, domain: ${model.domain}</#if>. Blueprint: ${model.blueprint}.

## Services

| Service | API | Exposure | Language | Owns | Publishes | Consumes | Calls |
|---|---|---|---|---|---|---|---|
<#list model.services as s>
| ${s.name} | ${s.api} | ${s.exposure} | ${s.language} | ${s.entities} | ${s.publishes} | ${s.consumes} | ${s.calls} |
</#list>

## Decisions at a glance

| Topic | Choice | By | Why | Driven by |
|---|---|---|---|---|
<#list model.decisions as d>
| [${d.title}](${d.record?no_esc}) | **${d.choice}** | ${d.origin} | ${d.reason} | ${d.drivers} |
</#list>

## Key trade-offs

What the main choices give up, on purpose:

<#list model.tradeOffs as t>
- ${t}
</#list>

## In numbers

<#list model.headline as h>
- ${h}
</#list>
<#if model.documents?has_content>

More: <#list model.documents as doc>[${doc}](${doc?no_esc})<#sep>, </#list>.
</#if>

## Assumptions

<#list model.assumptions as a>
- ${a}
</#list>

## Open questions

<#list model.openQuestions as q>
- ${q}
<#else>
- None: every sizing input is stated.
</#list>

## Upstream and downstream

<#if model.otherAgents?has_content>
The other agents beside this one under the workspaces root, their last reported state (the last
entry of their PROGRESS.md) and the lines of their files that name our services, operations,
routes, events or topics. A breaking change of our contracts names these files in PROGRESS.md
and SHARED_PROGRESS.md.
<#list model.otherAgents as a>

### ${a.name}

- Last reported: ${a.lastState}
- Files read: ${a.read}<#if a.omitted gt 0>; not read: ${a.omitted} (too large, not text, or beyond the limits)</#if>

<#if a.uses?has_content>
| File: lines | Uses | Of service |
|---|---|---|
<#list a.uses as u>
<#if u?index lt 40>
| ${u.file}: ${u.shownLines()} | ${u.kind} ${u.name} | ${u.service} |
</#if>
</#list>
<#if a.uses?size gt 40>

And ${a.uses?size - 40} more uses.
</#if>
<#else>
None of its files names our services, operations, routes, events or topics.
</#if>
</#list>
<#else>
No other agents' folders beside this one under the workspaces root.
</#if>
<#if model.warnings?has_content>

## Warnings

<#list model.warnings as w>
- ${w}
</#list>
</#if>
