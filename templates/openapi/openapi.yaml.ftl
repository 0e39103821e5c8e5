<#import "schema-macros.yaml.ftl" as s>
<#assign c = model.components>
openapi: 3.0.3
info:
  title: ${model.info.title}
  description: ${model.info.description}
  version: ${model.info.version}
  contact:
    name: ${model.info.contactName}
  license:
    name: ${model.info.licenseName}
servers:
<#list model.servers as server>
  - url: ${server.url}
    description: ${server.description}
    x-internal: <#if server.internal>true<#else>false</#if>
</#list>
<#if model.tags?has_content>
tags:
<#list model.tags as tag>
  - name: ${tag.name}
    description: ${tag.description}
</#list>
</#if>
<#if model.paths?has_content>
paths:
<#list model.paths as path>
  ${path.path}:
<#if path.parameters?has_content>
    parameters:
<#list path.parameters as p>
<@s.parameter p=p pad=6/>
</#list>
</#if>
<#list path.operations as op>
    ${op.method?no_esc}:
      tags:
        - ${op.tag}
      operationId: ${op.operationId}
      summary: ${op.summary}
      description: ${op.description}
<#if op.fromStates?has_content>
      x-from-states:
<#list op.fromStates as state>
        - ${state}
</#list>
</#if>
<#if op.parameterRefs?has_content || op.parameters?has_content>
      parameters:
<#list op.parameterRefs as ref>
        - $ref: ${"#/components/parameters/" + ref}
</#list>
<#list op.parameters as p>
<@s.parameter p=p pad=8/>
</#list>
</#if>
<#if op.requestBody??>
      requestBody:
        description: ${op.requestBody.description}
        required: true
        content:
          ${op.requestBody.contentType}:
            schema:
              $ref: ${"#/components/schemas/" + op.requestBody.schema}
</#if>
      responses:
        ${op.success.status}:
          description: ${op.success.description}
          headers:
<#if op.success.location>
            Location:
              $ref: "#/components/headers/Location"
</#if>
<#if op.success.etag>
            ETag:
              $ref: "#/components/headers/ETag"
</#if>
<#if c.cors>
            Access-Control-Allow-Origin:
              $ref: "#/components/headers/Access-Control-Allow-Origin"
</#if>
            RateLimit-Limit:
              $ref: "#/components/headers/RateLimit-Limit"
            RateLimit-Remaining:
              $ref: "#/components/headers/RateLimit-Remaining"
            RateLimit-Reset:
              $ref: "#/components/headers/RateLimit-Reset"
<#if op.success.schema??>
          content:
            application/json:
              schema:
                $ref: ${"#/components/schemas/" + op.success.schema}
</#if>
<#list op.errors as e>
        ${e.status}:
          $ref: ${"#/components/responses/" + e.name}
</#list>
<#if op.security?has_content>
      security:
<#list op.security as req>
<#if !req.scheme?has_content>
        - {}
<#elseif req.scopes?has_content>
        - ${req.scheme}:
<#list req.scopes as scope>
            - ${scope}
</#list>
<#else>
        - ${req.scheme}: []
</#if>
</#list>
<#else>
      security: []
</#if>
</#list>
</#list>
<#else>
paths: {}
</#if>
<#if c.securitySchemes?has_content || c.paging??>
components:
</#if>
<#if c.securitySchemes?has_content>
  securitySchemes:
<#list c.securitySchemes as sc>
    ${sc.name}:
      type: ${sc.type?no_esc}
      description: ${sc.description}
<#if sc.openIdConnectUrl??>
      openIdConnectUrl: ${sc.openIdConnectUrl}
</#if>
<#if sc.scheme??>
      scheme: ${sc.scheme}
</#if>
<#if sc.bearerFormat??>
      bearerFormat: ${sc.bearerFormat}
</#if>
<#if sc.headerName??>
      in: header
      name: ${sc.headerName}
</#if>
</#list>
</#if>
<#if c.paging??>
<#include "components-shared.yaml.ftl">
</#if>
<#if c.paging??>
<#list c.schemas as sc>
    ${sc.name}:
      type: object
      description: ${sc.description}
<#if sc.required?has_content>
      required:
<#list sc.required as r>
        - ${r}
</#list>
</#if>
<#if sc.properties?has_content>
      properties:
<@s.properties props=sc.properties pad=8/>
<#else>
      properties: {}
</#if>
<#if sc.closed>
      additionalProperties: false
</#if>
</#list>
<#list c.pages as pg>
    ${pg.name}:
      type: object
      description: ${pg.description}
      required:
        - items
        - nextCursor
      properties:
        items:
          type: array
          description: The items of this page, in the requested order.
          maxItems: ${pg.maxItems}
          items:
            $ref: ${"#/components/schemas/" + pg.itemSchema}
          example: <@s.lit pg.itemsExample/>
        nextCursor:
          type: string
          description: Pass it as cursor to get the next page; null on the last page.
          maxLength: ${pg.cursorMaxLength}
          pattern: ${c.patterns.cursor}
          nullable: true
          example: ${pg.cursorExample}
</#list>
</#if>
