<#-- One entry of PROGRESS.md, appended after the earlier ones (the writer puts a blank line before it). Model: ProgressView. -->
## ${model.date} — generate ${model.input}

${model.counts}.

<#if model.inputs?has_content>
Requirements changed:

<#list model.inputs as i>
- ${i}
</#list>

</#if>
<#if model.decisions?has_content>
Decisions changed:

<#list model.decisions as d>
- ${d}
</#list>

</#if>
<#if model.inputs?has_content || model.decisions?has_content>
Files:

</#if>
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
