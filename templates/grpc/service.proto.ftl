<#-- One gRPC service's proto file; the model is dev.archforge.deliverable.grpc.ProtoFileView. Comments come
     as lines without line breaks, names are identifiers: nothing here escapes. -->
<#macro comment lines pad>
<#list lines as line>
${line?has_content?then(pad + "// " + line, pad + "//")}
</#list>
</#macro>
<@comment lines=model.header pad=""/>
syntax = "proto3";

package ${model.packageName};
<#if model.imports?has_content>

<#list model.imports as i>
import "${i}";
</#list>
</#if>
<#if model.javaMultipleFiles>

option java_multiple_files = true;
</#if>

<@comment lines=model.service.comment pad=""/>
service ${model.service.name} {
<#list model.service.rpcs as rpc>
<@comment lines=rpc.comment pad="  "/>
  rpc ${rpc.name}(${rpc.request}) returns (${rpc.response});
</#list>
}
<#list model.messages as m>

<@comment lines=m.comment pad=""/>
<#if m.enums?has_content || m.fields?has_content || m.reservedNumbers?has_content>
message ${m.name} {
<#list m.enums as e>
<@comment lines=e.comment pad="  "/>
  enum ${e.name} {
<#list e.values as v>
<@comment lines=v.comment pad="    "/>
    ${v.name} = ${v.number?c};
</#list>
<#if e.reservedNumbers?has_content>
    reserved <#list e.reservedNumbers as n>${n?c}<#sep>, </#list>;
</#if>
<#if e.reservedNames?has_content>
    reserved <#list e.reservedNames as n>"${n}"<#sep>, </#list>;
</#if>
  }

</#list>
<#list m.fields as f>
<@comment lines=f.comment pad="  "/>
  <#if f.label??>${f.label} </#if>${f.type} ${f.name} = ${f.number?c};
</#list>
<#if m.reservedNumbers?has_content>
  reserved <#list m.reservedNumbers as n>${n?c}<#sep>, </#list>;
</#if>
<#if m.reservedNames?has_content>
  reserved <#list m.reservedNames as n>"${n}"<#sep>, </#list>;
</#if>
}
<#else>
message ${m.name} {}
</#if>
</#list>
