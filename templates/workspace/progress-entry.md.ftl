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
