<#-- One GraphQL service's schema; the model is dev.archforge.deliverable.graphql.SchemaView. Descriptions
     come escaped (Doc), names are identifiers: nothing here escapes. -->
<#macro doc d pad>
<#if d.inline??>
${pad}${d.inline}
<#elseif d.lines?has_content>
${pad}"""
<#list d.lines as line>
${line?has_content?then(pad + line, "")}
</#list>
${pad}"""
</#if>
</#macro>
<#macro auth x><#if x.roles??> @auth(roles: [<#list x.roles as r>"${r}"<#sep>, </#sep></#list>])</#if></#macro>
<#macro field f pad>
<@doc d=f.doc pad=pad/>
<#if f.args?has_content>
${pad}${f.name}(
<#list f.args as a>
<@doc d=a.doc pad=pad + "  "/>
${pad}  ${a.name}: ${a.type}<#if a.defaultValue??> = ${a.defaultValue}</#if>
</#list>
${pad}): ${f.type}<@auth x=f/>
<#else>
${pad}${f.name}: ${f.type}<#if f.defaultValue??> = ${f.defaultValue}</#if><@auth x=f/>
</#if>
</#macro>
<#list model.banner as line>
# ${line}
</#list>

<@doc d=model.doc pad=""/>
schema {
  query: Query
<#if model.mutation>
  mutation: Mutation
</#if>
}

"""
The roles that may use a type or field. anonymous stands for callers without credentials. The
service enforces it; the directive documents it for clients and tools.
"""
directive @auth(
  "The roles, any one of which allows the use."
  roles: [String!]!
) on OBJECT | FIELD_DEFINITION
<#list model.scalars as scalar>

<@doc d=scalar.doc pad=""/>
scalar ${scalar.name}<#if scalar.specifiedBy??> @specifiedBy(url: "${scalar.specifiedBy}")</#if>
</#list>
<#list model.sections as section>

# ${section.title}
<#list section.types as t>

<@doc d=t.doc pad=""/>
${t.keyword} ${t.name}<#if t.implementsName??> implements ${t.implementsName}</#if><@auth x=t/> {
<#list t.fields as f>
<@field f=f pad="  "/>
</#list>
}
</#list>
<#list section.enums as e>

<@doc d=e.doc pad=""/>
enum ${e.name} {
<#list e.values as v>
<@doc d=v.doc pad="  "/>
  ${v.name}
</#list>
}
</#list>
</#list>
