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

| Topic | Choice | By | Driven by |
|---|---|---|---|
<#list model.decisions as d>
| ${d.topic} | **${d.choice}** | ${d.origin} | ${d.drivers} |
</#list>

<#list model.decisions as d>
- **${d.topic}: ${d.choice}** — ${d.reason}
</#list>

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
