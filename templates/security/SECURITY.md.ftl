<#-- security/SECURITY.md: the security design of this system. Model: SecurityView. -->
<#macro section s>
<#list s.paragraphsMd as p>
${p?no_esc}

</#list>
<#if s.itemsMd?has_content>
<#list s.itemsMd as i>
- ${i?no_esc}
</#list>

</#if>
<#if s.settings?has_content>
| ${s.tableHeading} | Rule |
|---|---|
<#list s.settings as row>
| ${row.name} | ${row.valueMd?no_esc} |
</#list>

</#if>
</#macro>
# Security — ${model.title}

${model.introMd?no_esc}

## Authentication

<@section model.authentication/>
## Authorization

<@section model.authorization/>
## Service-to-service identity

<@section model.identity/>
## Secrets management

<@section model.secrets/>
## Encryption in transit and at rest

<@section model.encryption/>
## Data classification

<@section model.classification/>
<#if model.entityFields?has_content>
| Entity | Field | Type | Owner | Stored in | Class | At rest | In the API | In logs |
|---|---|---|---|---|---|---|---|---|
<#list model.entityFields as r>
| ${r.entity} | ${r.field} | ${r.type} | ${r.service} | ${r.store} | ${r.level} | ${r.stored} | ${r.api} | ${r.logs} |
</#list>

</#if>
<#if model.eventFields?has_content>
| Event | Field | Class | Published by | Consumed by |
|---|---|---|---|---|
<#list model.eventFields as r>
| ${r.event} | ${r.field} | ${r.level} | <#list r.publishers as p>${p}<#sep>, </#list> | <#list r.consumers as c>${c}<#sep>, <#else>none</#list> |
</#list>

</#if>
## Logging rules

<@section model.logging/>
## Input validation

<@section model.validation/>
## Dependency and image scanning

<@section model.scanning/>
## Compliance

<@section model.compliance/>
