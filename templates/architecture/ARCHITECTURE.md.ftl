<#-- ARCHITECTURE.md: style, C4 views, services, data ownership, interactions. Model: ArchitectureView.
     Diagrams arrive as finished Mermaid text, escaped for Mermaid in Java: print them with ?no_esc. -->
# Architecture — ${model.title}

<#if model.description??>
${model.description}

</#if>
## Overview

<#list model.overview as p>
**${p.heading}** ${p.text}<#if p.record??> ([decision record](${p.record?no_esc}))</#if>

</#list>
## System context

Who uses ${model.title} and what it relies on outside itself (C4 level 1).

```mermaid
${model.contextDiagram?no_esc}
```

## Containers

The deployables and the stores and brokers they use, with their connections (C4 level 2).

```mermaid
${model.containerDiagram?no_esc}
```

## Services

| Service | Responsibility | Language | API | Exposure | Owns | Publishes | Consumes | Calls | Sizing |
|---|---|---|---|---|---|---|---|---|---|
<#list model.services as s>
| ${s.name} | ${s.responsibility} | ${s.language} | ${s.api} | ${s.exposure} | ${s.owns} | ${s.publishes} | ${s.consumes} | ${s.calls} | ${s.sizing} |
</#list>
<#if model.sizing??>

${model.sizing}
</#if>

## Data ownership

Each entity has exactly one owner; only the owner writes its tables. Other services keep the id as a plain field and ask the owner, or listen to its events.

| Service | Owns | Stored in |
|---|---|---|
<#list model.ownership as o>
| ${o.service} | ${o.entities} | ${o.storage} |
</#list>
<#list model.dataModels as m>

### Data of ${m.service}

Stored in ${m.storage}.

```mermaid
${m.diagram?no_esc}
```
<#if m.notes?has_content>

<#list m.notes as n>
- ${n}
</#list>
</#if>
</#list>

<#if model.stateMachines?has_content>
## State machines
<#list model.stateMachines as f>

### ${f.title}

${f.summary}

```mermaid
${f.diagram?no_esc}
```
</#list>

</#if>
## Interactions

Synchronous calls:

<#list model.syncCalls as c>
- ${c}
<#else>
- None: no service calls another.
</#list>

Asynchronous events:

<#list model.asyncEvents as e>
- ${e}
<#else>
- None: no service publishes events.
</#list>
<#list model.unflowed as u>
<#if u?is_first>

Not drawn:

</#if>
- ${u}
</#list>
<#list model.eventFlows as f>

### Event ${f.title}

${f.summary}

```mermaid
${f.diagram?no_esc}
```
</#list>
<#list model.operationFlows as f>

### Operation ${f.title}

${f.summary}

```mermaid
${f.diagram?no_esc}
```
</#list>
<#list model.callChains as f>

### ${f.title}

${f.summary}

```mermaid
${f.diagram?no_esc}
```
</#list>

## See also

<#list model.links as l>
- [${l.text}](${l.path?no_esc})
</#list>
