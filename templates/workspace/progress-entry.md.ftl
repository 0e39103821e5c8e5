<#-- One entry of PROGRESS.md, appended after the earlier ones. Model: ProgressView. -->

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
