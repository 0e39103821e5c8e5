<#-- One entry of PROGRESS.md, appended after the earlier ones (the writer puts a blank line before it). Model: ProgressView. -->
## ${model.date} — generate ${model.input}

${model.counts}.

<#list model.changes as c>
- ${c}
</#list>
<#if model.warnings?has_content>

Warnings:

<#list model.warnings as w>
- ${w}
</#list>
</#if>
<#if model.breakingChanges?has_content>

Breaking API changes (clients of the contracts generated before may fail):

<#list model.breakingChanges as b>
- ${b}
</#list>
</#if>
