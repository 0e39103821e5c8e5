package dev.archforge.deliverable.asyncapi;

import java.util.List;

/**
 * Everything {@code templates/asyncapi/asyncapi.yaml.ftl} prints: one AsyncAPI 3.0 document for
 * every event of the plan that some service publishes. Optional values are null; lists are never
 * null.
 *
 * @param id the document's URN
 * @param info title, version and the description that states the guarantees and conventions
 * @param servers the broker's endpoints; empty for in-process events or an unnamed cloud
 * @param channels one per published event and publisher, in the order of the requirements
 * @param operations one send per publisher and one receive per consumer of each channel
 * @param messages one per published event, with its payload schema
 * @param securitySchemes how services authenticate to the broker; at most one
 */
public record AsyncApiView(
    String id,
    InfoView info,
    List<ServerView> servers,
    List<ChannelView> channels,
    List<OperationView> operations,
    List<MessageView> messages,
    List<SecuritySchemeView> securitySchemes) {

  public AsyncApiView {
    servers = List.copyOf(servers);
    channels = List.copyOf(channels);
    operations = List.copyOf(operations);
    messages = List.copyOf(messages);
    securitySchemes = List.copyOf(securitySchemes);
  }
}
