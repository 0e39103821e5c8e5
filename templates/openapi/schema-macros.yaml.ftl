<#-- Macros shared by the OpenAPI templates. Every interpolated string is quoted by the YAML
     output format; ?no_esc only prints indentation, closed vocabularies (type, format, in,
     method) and Literal flow text that Java built and escaped. -->
<#macro lit v><#if v.quoted>${v.text}<#else>${v.text?no_esc}</#if></#macro>

<#-- The keywords of one schema, each line indented by pad spaces. -->
<#macro schema p pad>
<#local i = ""?left_pad(pad)>
${i?no_esc}type: ${p.type?no_esc}
<#if p.format??>
${i?no_esc}format: ${p.format?no_esc}
</#if>
<#if p.description??>
${i?no_esc}description: ${p.description}
</#if>
<#if p.enumValues?has_content>
${i?no_esc}enum:
<#list p.enumValues as v>
${i?no_esc}  - ${v}
</#list>
<#if p.nullable>
${i?no_esc}  - null
</#if>
</#if>
<#if p.minLength??>
${i?no_esc}minLength: ${p.minLength}
</#if>
<#if p.maxLength??>
${i?no_esc}maxLength: ${p.maxLength}
</#if>
<#if p.pattern??>
${i?no_esc}pattern: ${p.pattern}
</#if>
<#if p.minimum??>
${i?no_esc}minimum: ${p.minimum}
</#if>
<#if p.maximum??>
${i?no_esc}maximum: ${p.maximum}
</#if>
<#if p.items??>
${i?no_esc}items:
<@schema p=p.items pad=pad + 2/>
</#if>
<#if p.maxItems??>
${i?no_esc}maxItems: ${p.maxItems}
</#if>
<#if p.uniqueItems>
${i?no_esc}uniqueItems: true
</#if>
<#if p.nullable>
${i?no_esc}nullable: true
</#if>
<#if p.readOnly>
${i?no_esc}readOnly: true
</#if>
<#if p.writeOnly>
${i?no_esc}writeOnly: true
</#if>
<#if p.defaultValue??>
${i?no_esc}default: <@lit p.defaultValue/>
</#if>
<#if p.example??>
${i?no_esc}example: <@lit p.example/>
</#if>
</#macro>

<#-- A properties map: name, then its schema. -->
<#macro properties props pad>
<#local i = ""?left_pad(pad)>
<#list props as p>
${i?no_esc}${p.name}:
<@schema p=p pad=pad + 2/>
</#list>
</#macro>

<#-- One inline parameter as a sequence item. -->
<#macro parameter p pad>
<#local i = ""?left_pad(pad)>
${i?no_esc}- name: ${p.name}
${i?no_esc}  in: ${p.location?no_esc}
${i?no_esc}  description: ${p.description}
<#if p.required>
${i?no_esc}  required: true
</#if>
${i?no_esc}  schema:
<@schema p=p.schema pad=pad + 4/>
</#macro>
