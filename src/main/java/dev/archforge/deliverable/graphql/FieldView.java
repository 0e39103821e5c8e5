package dev.archforge.deliverable.graphql;

import java.util.List;

/**
 * A field of an object type, interface or input type.
 *
 * @param args the arguments; always empty on input types
 * @param defaultValue a GraphQL literal (input fields only), or null
 * @param roles the roles of its {@code @auth} directive, or null for no directive
 */
public record FieldView(Doc doc, String name, List<ArgView> args, String type, String defaultValue,
    List<String> roles) {
  public FieldView {
    args = List.copyOf(args);
    roles = roles == null ? null : List.copyOf(roles);
  }

  static FieldView of(String description, String name, String type) {
    return new FieldView(Doc.of(description), name, List.of(), type, null, null);
  }
}
