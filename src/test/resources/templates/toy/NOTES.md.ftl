<#-- The toy deliverable's one file. Model: ToyView. -->
# Notes for ${model.project}

<#list model.services as s>
- ${s}
</#list>
