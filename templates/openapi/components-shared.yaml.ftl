<#-- Included by openapi.yaml.ftl inside components: when the service has resources. -->
  parameters:
<#if c.apiVersion??>
    ApiVersion:
      name: Api-Version
      in: header
      required: true
      description: The major version of the API the request is written for.
      schema:
        type: string
        enum:
          - ${c.apiVersion}
        example: ${c.apiVersion}
</#if>
    Limit:
      name: limit
      in: query
      description: The largest number of items the page may hold.
      schema:
        type: integer
        format: int32
        minimum: 1
        maximum: ${c.paging.maxSize}
        default: ${c.paging.defaultSize}
        example: ${c.paging.defaultSize}
    Cursor:
      name: cursor
      in: query
      description: Where the page starts, the nextCursor of the page before; left out for the first page.
      schema:
        type: string
        maxLength: ${c.paging.cursorMaxLength}
        pattern: ${c.patterns.cursor}
        example: ${c.paging.cursorExample}
    IdempotencyKey:
      name: Idempotency-Key
      in: header
      required: true
      description: >-
        A key unique to this create, such as a random UUID. A retry with the same key and body
        returns the first response; the same key with another body is refused with 409.
      schema:
        type: string
        minLength: 1
        maxLength: 255
        pattern: ${c.patterns.headerToken}
        example: 5f0c6a8e-8d1b-4f5e-9a47-2b3c1d0e9f81
<#if c.conditional>
    IfMatch:
      name: If-Match
      in: header
      required: true
      description: >-
        The ETag of the version the change is based on, as a GET, create or update returned it.
        If the resource has changed since, the answer is 412 and nothing changes; without this
        header the answer is 428.
      schema:
        type: string
        maxLength: 256
        pattern: ${c.patterns.entityTag}
        example: '"2b1f6c0e8a9d4f31"'
</#if>
  headers:
    Location:
      description: The URL of the created resource.
      schema:
        type: string
        format: uri-reference
        maxLength: 2048
        example: ${c.locationExample}
<#if c.conditional>
    ETag:
      description: The version of the resource, a strong entity tag; send it as If-Match to update it.
      schema:
        type: string
        maxLength: 256
        pattern: ${c.patterns.entityTag}
        example: '"2b1f6c0e8a9d4f31"'
</#if>
<#if c.cors>
    Access-Control-Allow-Origin:
      description: >-
        Sent when the request's Origin is a browser application allowed for the environment, and
        then that origin (never *); without it, browsers keep the response from the page.
      schema:
        type: string
        maxLength: 267
        pattern: ${c.patterns.origin}
        example: https://app.example.com
</#if>
    RateLimit-Limit:
      description: The number of requests the client may send per window of one minute.
      schema:
        type: integer
        format: int32
        minimum: 0
        maximum: ${c.rateLimitPerMinute}
        example: ${c.rateLimitPerMinute}
    RateLimit-Remaining:
      description: The number of requests left in the current window.
      schema:
        type: integer
        format: int32
        minimum: 0
        maximum: ${c.rateLimitPerMinute}
        example: <#if c.rateLimitPerMinute gt 0>${c.rateLimitPerMinute - 1}<#else>0</#if>
    RateLimit-Reset:
      description: Seconds until the current window ends.
      schema:
        type: integer
        format: int32
        minimum: 0
        maximum: 60
        example: 30
    Retry-After:
      description: Seconds to wait before sending another request; at most the one-minute window.
      schema:
        type: integer
        format: int32
        minimum: 0
        maximum: 60
        example: 30
  responses:
<#list c.responses as r>
    ${r.name}:
      description: ${r.description}
      headers:
<#if r.rateLimited>
        Retry-After:
          $ref: "#/components/headers/Retry-After"
</#if>
        RateLimit-Limit:
          $ref: "#/components/headers/RateLimit-Limit"
        RateLimit-Remaining:
          $ref: "#/components/headers/RateLimit-Remaining"
        RateLimit-Reset:
          $ref: "#/components/headers/RateLimit-Reset"
<#if c.cors>
        Access-Control-Allow-Origin:
          $ref: "#/components/headers/Access-Control-Allow-Origin"
</#if>
      content:
        application/problem+json:
          schema:
            $ref: "#/components/schemas/Problem"
          example:
            type: about:blank
            title: ${r.title}
            status: ${r.status}
            detail: ${r.detail}
            instance: urn:uuid:7d3c6b1e-2f4a-4c8e-9a51-0b6f2e9d4a17
</#list>
  schemas:
    Problem:
      type: object
      description: A problem detail (RFC 9457), the body of every error response.
      required:
        - type
        - title
        - status
      properties:
        type:
          type: string
          format: uri-reference
          description: A URI reference that identifies the problem type; about:blank when the status says it all.
          maxLength: 2048
          default: about:blank
          example: about:blank
        title:
          type: string
          description: A short summary of the problem type.
          maxLength: 256
          pattern: ${c.patterns.singleLine}
          example: Unprocessable Content
        status:
          type: integer
          format: int32
          description: The HTTP status code.
          minimum: 100
          maximum: 599
          example: 422
        detail:
          type: string
          description: What went wrong with this request, for people.
          maxLength: 4096
          pattern: ${c.patterns.multiLine}
          example: The request body has invalid values.
        instance:
          type: string
          format: uri-reference
          description: Identifies this occurrence, for support and logs.
          maxLength: 2048
          example: urn:uuid:7d3c6b1e-2f4a-4c8e-9a51-0b6f2e9d4a17
        errors:
          type: array
          description: Each invalid value of the request, when there are any.
          maxItems: 100
          items:
            $ref: "#/components/schemas/ProblemError"
          example:
            - pointer: /price
              detail: must be at least 0
    ProblemError:
      type: object
      description: One invalid value of a request.
      required:
        - pointer
        - detail
      properties:
        pointer:
          type: string
          description: A JSON Pointer (RFC 6901) to the value in the request body.
          maxLength: 1024
          pattern: ${c.patterns.jsonPointer}
          example: /price
        detail:
          type: string
          description: What is wrong with the value.
          maxLength: 1024
          pattern: ${c.patterns.singleLine}
          example: must be at least 0
