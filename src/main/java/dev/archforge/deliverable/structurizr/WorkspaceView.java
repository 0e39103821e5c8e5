package dev.archforge.deliverable.structurizr;

import java.util.List;

/**
 * What {@code architecture/workspace.dsl} states, for its template. Every text value is already a
 * quoted DSL string ({@link DslText#quote}); identifiers are plain.
 *
 * @param adrs the folder of the decision records, relative to the DSL file, quoted
 */
public record WorkspaceView(String name, String description, String adrs, List<Element> people, Element system,
    List<Element> containers, List<Element> externals, List<Relation> relations, List<Environment> environments,
    List<DeploymentView> deploymentViews) {

  /**
   * A person, the software system, a container or an external system.
   *
   * @param tags quoted, or empty
   * @param services the services of the requirements it serves, quoted (a property of the element); null for none
   */
  public record Element(String id, String name, String description, String technology, String tags,
      String services) {}

  public record Relation(String from, String to, String description, String technology) {}

  /** A deployment environment and its regions. */
  public record Environment(String id, String name, List<Region> regions) {}

  /** A region of an environment: a deployment node holding one node per runtime. */
  public record Region(String id, String name, String technology, List<Node> nodes) {}

  /** A runtime inside a region and the container instances it runs. */
  public record Node(String name, String technology, List<String> instances) {}

  /** One deployment view: an environment's region. */
  public record DeploymentView(String environment, String region, String key, String title) {}
}
