package dev.archforge.deliverable.graphql;

import java.util.List;

/** A group of definitions under a heading comment: the root types, one entity's types, the shared ones. */
public record SectionView(String title, List<TypeView> types, List<EnumView> enums) {
  public SectionView {
    types = List.copyOf(types);
    enums = List.copyOf(enums);
  }
}
