<#-- The buf configuration beside a proto file; the model is dev.archforge.deliverable.grpc.BufConfigView. -->
# buf configuration of the contract in this folder: run `buf build` and `buf lint` here, and
# `buf breaking --against <the previous release>` before a change ships.
# PACKAGE_DIRECTORY_MATCH is left out because the workspace keeps one folder per service
# (api/<service>/); a code repository that lays the file out under <project>/<service>/v1/ can drop
# the exception.
version: v2
lint:
  use:
<#list model.lintUse as rule>
    - ${rule}
</#list>
<#if model.lintExcept?has_content>
  except:
<#list model.lintExcept as rule>
    - ${rule}
</#list>
</#if>
breaking:
  use:
<#list model.breakingUse as rule>
    - ${rule}
</#list>
