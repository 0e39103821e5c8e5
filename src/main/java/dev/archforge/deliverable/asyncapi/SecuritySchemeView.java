package dev.archforge.deliverable.asyncapi;

import java.util.List;

/**
 * How a service proves who it is to the broker. Credentials never appear in the document: the
 * description says where they come from.
 *
 * @param type the AsyncAPI type: {@code scramSha512}, {@code X509}, {@code userPassword} or
 *     {@code oauth2}
 * @param tokenUrl oauth2 only: the token endpoint of the client-credentials flow, else null
 * @param scopes oauth2 only: the scopes a service asks for
 */
public record SecuritySchemeView(String name, String type, String description, String tokenUrl,
    List<ScopeView> scopes) {

  public SecuritySchemeView {
    scopes = List.copyOf(scopes);
  }

  /** One OAuth 2.0 scope and what it allows. */
  public record ScopeView(String name, String description) {}
}
