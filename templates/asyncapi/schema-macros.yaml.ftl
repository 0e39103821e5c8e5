<#-- Macros of the AsyncAPI template. Every interpolated string is quoted by the YAML output format;
     ?no_esc only prints indentation, closed vocabularies (type, format) and Literal flow text
     that Java built and escaped. A Schema Object of AsyncAPI 3.0 is JSON Schema draft-07, so an
     example is written as `examples` with one item. -->
<#macro lit v><#if v.quoted>${v.text}<#else>${v.text?no_esc}</#if></#macro>

<#-- The keywords of one property schema (a dev.archforge.deliverable.openapi.PropertyView), each
     line indented by pad spaces. -->
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
<#if p.defaultValue??>
${i?no_esc}default: <@lit p.defaultValue/>
</#if>
<#if p.example??>
${i?no_esc}examples:
${i?no_esc}  - <@lit p.example/>
</#if>
</#macro>
