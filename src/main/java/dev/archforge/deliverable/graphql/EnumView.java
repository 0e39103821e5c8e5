package dev.archforge.deliverable.graphql;

import java.util.List;

/** An enum type and its values. */
public record EnumView(Doc doc, String name, List<EnumValueView> values) {
  public EnumView {
    values = List.copyOf(values);
  }

  /** One value of an enum. */
  public record EnumValueView(Doc doc, String name) {}
}
