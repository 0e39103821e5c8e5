package dev.archforge.deliverable.graphql;

import java.util.List;

/**
 * One GraphQL service's {@code schema.graphql}.
 *
 * @param banner comment lines at the top (without {@code #})
 * @param doc the schema's description
 * @param mutation whether the schema has a {@code Mutation} type
 * @param scalars the custom scalars the schema uses
 * @param sections the definitions: root types first, then one section per entity, then shared types
 */
public record SchemaView(List<String> banner, Doc doc, boolean mutation, List<ScalarView> scalars,
    List<SectionView> sections) {
  public SchemaView {
    banner = List.copyOf(banner);
    scalars = List.copyOf(scalars);
    sections = List.copyOf(sections);
  }
}
