<#-- deploy/env/<name>.env.example. Model: EnvFileView. Values are placeholders built in Java. -->
# Secrets of ${model.container} for Docker Compose. Copy this file to ${model.container}.env beside it
# (git-ignore the copy, never commit it) and replace the placeholder values.
<#if model.sharedWith?has_content>
# Keep the values equal to those in <#list model.sharedWith as s>${s}.env<#sep>, </#list>.
</#if>
<#list model.entries as e>
${e.key}=${e.value}
</#list>
