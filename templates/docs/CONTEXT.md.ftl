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
<#if model.warnings?has_content>

## Warnings

<#list model.warnings as w>
- ${w}
</#list>
</#if>
