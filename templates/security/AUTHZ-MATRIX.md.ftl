<#-- security/AUTHZ-MATRIX.md: role × operation for every operation of the API contracts. Model: AuthzMatrixView. -->
# Authorization matrix — ${model.title}

Who may call each operation of the generated API contracts. The rows come from the same view the
contracts are rendered from, and a test checks them against each contract's security requirements
in both directions. A caller proves who it is with ${model.credentialMd?no_esc}.
Authentication is `${model.authentication}`, authorization `${model.authorization}`.

<#list model.notes as n>
- ${n}
</#list>

✓ = allowed, — = refused (403). "Anonymous" marks operations that callers without credentials may call.
<#list model.services as m>

## ${m.service}

Contract: ${m.contractMd?no_esc}

<#if m.rows?has_content>
| Operation | Method and path | Anonymous<#if model.scopes> | Scope</#if><#list model.roles as r> | ${r}</#list> |
|---|---|---<#if model.scopes>|---</#if><#list model.roles as r>|---</#list>|
<#list m.rows as row>
| `${row.operationId}` | `${row.method} ${row.path}` | <#if row.anonymous>✓<#else>—</#if><#if model.scopes> | <#list row.scopes as sc>`${sc}`<#sep>, </#list></#if><#list row.cells as c> | ${c}</#list> |
</#list>
<#else>
The service owns no entities, so its contract has no operations.
</#if>
</#list>
<#if model.uncovered?has_content>

## Services without an OpenAPI contract

The operations of these services are not in an OpenAPI contract, so they are not listed above. Their
access lists, as the requirements give them or, where they give none, the privileged roles alone, are
what their contracts must enforce:

| Service | Contract | Entity | Read | Write |
|---|---|---|---|---|
<#list model.uncovered as u>
| ${u.service} | ${u.contractMd?no_esc} | ${u.entity} | ${u.read} | ${u.write} |
</#list>
<#if model.uncoveredOperations?has_content>

Their domain operations, each allowed to its own roles only:

| Service | Contract | Entity | Call | Scope | Roles |
|---|---|---|---|---|---|
<#list model.uncoveredOperations as o>
| ${o.service} | ${o.contractMd?no_esc} | ${o.entity} | `${o.call}` | `${o.scope}` | ${o.roles} |
</#list>
</#if>
</#if>
