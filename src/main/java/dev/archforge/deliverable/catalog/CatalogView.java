package dev.archforge.deliverable.catalog;

import java.util.List;

/**
 * What {@code catalog-info.yaml} states, for its template: Backstage entities of the system.
 *
 * @param system the System entity: the project
 */
public record CatalogView(Entity system, List<Component> components, List<Api> apis, List<Entity> resources) {
  /**
   * A System or Resource entity.
   *
   * @param type the Resource's type ({@code database}, {@code cache}, {@code message-broker}); empty for the System
   */
  public record Entity(String name, String title, String description, String type, String owner, String system) {}

  /** A Component entity: one deployable. */
  public record Component(String name, String description, String owner, String system, List<String> tags,
      List<String> providesApis, List<String> consumesApis, List<String> dependsOn) {}

  /**
   * An API entity: one contract.
   *
   * @param definition the contract's path relative to {@code catalog-info.yaml}, for {@code $text}
   */
  public record Api(String name, String description, String type, String owner, String system, String definition) {}
}
