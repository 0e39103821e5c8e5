package dev.archforge.deliverable.graphql;

import java.util.List;

/**
 * An object type, interface or input type.
 *
 * @param keyword {@code type}, {@code interface} or {@code input}
 * @param implementsName the interface it implements, or null
 * @param roles the roles of its {@code @auth} directive, or null for no directive
 */
public record TypeView(String keyword, Doc doc, String name, String implementsName, List<String> roles,
    List<FieldView> fields) {
  public TypeView {
    roles = roles == null ? null : List.copyOf(roles);
    fields = List.copyOf(fields);
  }

  static TypeView object(String description, String name, List<FieldView> fields) {
    return new TypeView("type", Doc.of(description), name, null, null, fields);
  }

  static TypeView input(String description, String name, List<FieldView> fields) {
    return new TypeView("input", Doc.of(description), name, null, null, fields);
  }
}
