package dev.archforge.facts.api;

import java.util.List;

/**
 * The reusable components; each list holds only what an operation refers to.
 *
 * @param securitySchemes zero or one scheme
 * @param paging sizes of list pages and the cursor, or null when the service has no resources
 * @param apiVersion the value of the required {@code Api-Version} header every operation takes, or
 *     null when the version is in the URL
 * @param rateLimitPerMinute the limit announced in {@code RateLimit-Limit}
 * @param locationExample an example of the {@code Location} header, or null without resources
 * @param responses the error responses operations use
 * @param schemas resource, create and patch schemas, in entity order
 * @param pages one page schema per resource
 * @param cors whether responses declare {@code Access-Control-Allow-Origin} (public services)
 * @param conditional whether some resource is versioned: the {@code ETag} header, the
 *     {@code If-Match} parameter and the 412 and 428 responses exist
 * @param patterns the patterns of the shared components
 */
public record ComponentsView(
    List<SchemeView> securitySchemes,
    PagingView paging,
    String apiVersion,
    int rateLimitPerMinute,
    String locationExample,
    List<ErrorResponseView> responses,
    List<SchemaView> schemas,
    List<PageView> pages,
    boolean cors,
    boolean conditional,
    PatternsView patterns) {

  public ComponentsView {
    securitySchemes = List.copyOf(securitySchemes);
    responses = List.copyOf(responses);
    schemas = List.copyOf(schemas);
    pages = List.copyOf(pages);
  }
}
