<#-- api/asyncapi.yaml: the events of the plan as an AsyncAPI 3.0.0 document. The model is a
     dev.archforge.deliverable.asyncapi.AsyncApiView; see AsyncApiDeliverable. -->
<#import "schema-macros.yaml.ftl" as s>
asyncapi: 3.0.0
id: ${model.id}
info:
  title: ${model.info.title}
  version: ${model.info.version}
  description: ${model.info.description}
  contact:
    name: ${model.info.contactName}
  license:
    name: ${model.info.licenseName}
defaultContentType: application/json
<#if model.servers?has_content>
servers:
<#list model.servers as server>
  ${server.id}:
    host: ${server.host}
    protocol: ${server.protocol}
<#if server.protocolVersion??>
    protocolVersion: ${server.protocolVersion}
</#if>
    title: ${server.title}
    description: ${server.description}
<#if server.variables?has_content>
    variables:
<#list server.variables as variable>
      ${variable.name}:
        default: ${variable.defaultValue}
<#if (variable.allowed?size > 1)>
        enum:
<#list variable.allowed as value>
          - ${value}
</#list>
</#if>
        description: ${variable.description}
</#list>
</#if>
<#if server.securityScheme??>
    security:
      - $ref: ${"#/components/securitySchemes/" + server.securityScheme}
</#if>
<#if server.schemaRegistryUrl??>
    bindings:
      kafka:
        schemaRegistryUrl: ${server.schemaRegistryUrl}
        bindingVersion: 0.5.0
</#if>
</#list>
</#if>
channels:
<#list model.channels as c>
  ${c.id}:
    address: ${c.address}
    title: ${c.title}
    summary: ${c.summary}
    description: ${c.description}
    messages:
      ${c.messageName}:
        $ref: ${"#/components/messages/" + c.messageName}
<#if c.kafka?? || c.amqp??>
    bindings:
</#if>
<#if c.kafka??>
      kafka:
        topic: ${c.kafka.topic}
<#if c.kafka.partitions??>
        partitions: ${c.kafka.partitions}
</#if>
        replicas: ${c.kafka.replicas}
        topicConfiguration:
          cleanup.policy:
            - delete
          retention.ms: ${c.kafka.retentionMs}
          min.insync.replicas: ${c.kafka.minInsyncReplicas}
        bindingVersion: 0.5.0
</#if>
<#if c.amqp??>
      amqp:
        is: routingKey
        exchange:
          name: ${c.amqp.name}
          type: topic
          durable: true
          autoDelete: false
          vhost: ${c.amqp.vhost}
        bindingVersion: 0.3.0
</#if>
</#list>
operations:
<#list model.operations as op>
  ${op.id}:
    action: ${op.action?no_esc}
    channel:
      $ref: ${"#/channels/" + op.channelId}
    title: ${op.title}
    summary: ${op.summary}
    description: ${op.description}
    messages:
      - $ref: ${"#/channels/" + op.channelId + "/messages/" + op.messageName}
<#if op.queue??>
    x-queue: ${op.queue}
</#if>
<#if op.deadLetter??>
    x-dead-letter: ${op.deadLetter}
</#if>
<#if op.triggeredBy?has_content>
    x-triggered-by:
<#list op.triggeredBy as trigger>
      - ${trigger}
</#list>
</#if>
<#if op.kafkaClientId?? || op.amqp>
    bindings:
</#if>
<#if op.kafkaClientId??>
      kafka:
<#if op.kafkaGroupId??>
        groupId:
          type: string
          enum:
            - ${op.kafkaGroupId}
</#if>
        clientId:
          type: string
          enum:
            - ${op.kafkaClientId}
        bindingVersion: 0.5.0
</#if>
<#if op.amqp>
      amqp:
<#if op.action == "send">
        deliveryMode: 2
        mandatory: true
        timestamp: true
<#else>
        ack: true
</#if>
        bindingVersion: 0.3.0
</#if>
</#list>
components:
<#if model.securitySchemes?has_content>
  securitySchemes:
<#list model.securitySchemes as scheme>
    ${scheme.name}:
      type: ${scheme.type?no_esc}
      description: ${scheme.description}
<#if scheme.tokenUrl??>
      flows:
        clientCredentials:
          tokenUrl: ${scheme.tokenUrl}
          availableScopes:
<#list scheme.scopes as scope>
            ${scope.name}: ${scope.description}
</#list>
      scopes:
<#list scheme.scopes as scope>
        - ${scope.name}
</#list>
</#if>
</#list>
</#if>
  correlationIds:
    correlationId:
      description: The correlation-id header, shared by the messages and requests of one request or saga.
      location: "$message.header#/correlation-id"
  messages:
<#list model.messages as m>
    ${m.name}:
      name: ${m.name}
      title: ${m.title}
      summary: ${m.summary}
      description: ${m.description}
      contentType: application/json
      correlationId:
        $ref: "#/components/correlationIds/correlationId"
      headers:
        $ref: "#/components/schemas/MessageHeaders"
      payload:
        $ref: ${"#/components/schemas/" + m.payload.name}
<#if m.kafkaKey?? || m.amqp>
      bindings:
</#if>
<#if m.kafkaKey??>
        kafka:
          key:
<@s.schema p=m.kafkaKey pad=12/>
          bindingVersion: 0.5.0
</#if>
<#if m.amqp>
        amqp:
          contentEncoding: utf-8
          messageType: ${m.name}
          bindingVersion: 0.3.0
</#if>
<#if m.example??>
<#assign shown = m.payload.properties?filter(p -> p.example??)>
      examples:
        - name: ${m.name}
          summary: ${"An example " + m.name + " message."}
          headers:
            message-id: ${m.example.messageId}
            event-type: ${m.name}
            schema-version: "1"
            occurred-at: "2024-05-17T09:30:00Z"
            correlation-id: ${m.example.correlationId}
            traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
<#if shown?has_content>
          payload:
<#list shown as p>
            ${p.name}: <@s.lit p.example/>
</#list>
<#else>
          payload: {}
</#if>
</#if>
</#list>
  schemas:
    MessageHeaders:
      type: object
      description: >-
        The headers of every message (Kafka record headers, AMQP message headers, Pub/Sub
        attributes). Brokers and client libraries may add headers of their own.
      required:
        - message-id
        - event-type
        - schema-version
        - occurred-at
      properties:
        message-id:
          type: string
          format: uuid
          description: >-
            Unique per event and kept when the same event is sent again: the idempotency key.
            Consumers record it with the change the message caused and skip a message whose id
            they have seen.
          examples:
            - "0b1c9a4e-6f1d-4a3e-9f2b-5d7c8e9a0b1c"
        event-type:
          type: string
          description: The event's name, the same as the message's name, such as OrderPlaced.
          pattern: "^[A-Z][A-Za-z0-9]*$"
          maxLength: 100
          examples:
            - OrderPlaced
        schema-version:
          type: string
          description: The major version of the payload's schema; the channel address ends with the same version.
          enum:
            - "1"
        occurred-at:
          type: string
          format: date-time
          description: When the change the event reports was committed (UTC, RFC 3339).
          examples:
            - "2024-05-17T09:30:00Z"
        correlation-id:
          type: string
          description: >-
            The id of the request or saga that caused the event, taken from the incoming request
            or message and passed on to every message it causes.
          maxLength: 255
          examples:
            - "7d3c6b1e-2f4a-4c8e-9a51-0b6f2e9d4a17"
        traceparent:
          type: string
          description: W3C Trace Context, the trace and span of the publisher when it sent the event.
          pattern: "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"
          examples:
            - "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        tracestate:
          type: string
          description: W3C Trace Context, vendor-specific trace data passed on unchanged.
          maxLength: 512
          examples:
            - "congo=t61rcWkgMzE"
<#list model.messages as m>
    ${m.payload.name}:
      type: object
      description: ${m.payload.description}
<#if m.payload.required?has_content>
      required:
<#list m.payload.required as r>
        - ${r}
</#list>
</#if>
      properties:
<#list m.payload.properties as p>
        ${p.name}:
<@s.schema p=p pad=10/>
</#list>
      additionalProperties: false
</#list>
