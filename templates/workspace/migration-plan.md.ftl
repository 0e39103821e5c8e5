<#-- MIGRATION-PLAN.md, written by archforge review --against. Model: MigrationPlan. -->
# Migration plan

From what this workspace holds to what ${model.requirements} implies. Each step's files are what
`archforge generate ${model.requirements}` writes, changes or removes; the steps are the order to
roll them out in, one at a time, each verified before the next.

<#if model.blocked?has_content>
## In the way

Regenerating stops at these files until they are moved or resolved:

<#list model.blocked as b>
- ${b}
</#list>

</#if>
<#if model.steps?has_content>
## Steps

<#list model.steps as s>
### ${s.number}. ${s.title}

- Pattern: ${s.pattern}
- Risk: ${s.risk}
- Unblocks: ${s.unblocks}
- Roll back: ${s.rollback}
- Resolves: <#if s.resolves?has_content><#list s.resolves as r>${r}<#sep>, </#list><#else>no review finding</#if>

Files:

<#list s.files as f>
- ${f}
</#list>
<#if s.details?has_content>

Details:

<#list s.details as d>
- ${d}
</#list>
</#if>

</#list>
<#else>
Nothing to migrate: the workspace is what the requirements imply.

</#if>
<#if model.edited?has_content>
## Your edits

Regenerating merges these files with your edits; a conflict must be resolved before the next run:

<#list model.edited as e>
- ${e}
</#list>

</#if>
## Findings no step resolves

<#list model.unresolved as u>
- ${u}
<#else>
- None.
</#list>
