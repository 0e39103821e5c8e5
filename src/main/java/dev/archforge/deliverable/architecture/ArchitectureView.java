package dev.archforge.deliverable.architecture;

import java.util.List;

/**
 * What ARCHITECTURE.md shows: the style and the main choices in prose, the C4 context and
 * container diagrams, the services, who owns which data with an ERD per service, and a sequence
 * diagram per event flow and per synchronous call chain. Diagrams are finished Mermaid text.
 *
 * @param style the architecture style in words, e.g. {@code modular monolith}
 * @param sizing one sentence on the monolith's pods, or null
 * @param syncCalls one line per synchronous call, e.g. {@code orders → catalog (REST/HTTPS)}
 * @param asyncEvents one line per event, e.g. {@code OrderPlaced: orders → inventory}
 * @param unflowed events that get no diagram, and why
 * @param stateMachines a {@code stateDiagram-v2} per entity with {@code states:}
 * @param operationFlows a sequence diagram per domain operation that emits an event
 */
public record ArchitectureView(
    String title,
    String project,
    String description,
    String style,
    List<Paragraph> overview,
    String contextDiagram,
    String containerDiagram,
    List<ServiceRow> services,
    String sizing,
    List<Ownership> ownership,
    List<DataModel> dataModels,
    List<String> syncCalls,
    List<String> asyncEvents,
    List<Flow> eventFlows,
    List<String> unflowed,
    List<Flow> callChains,
    List<Link> links,
    List<Flow> stateMachines,
    List<Flow> operationFlows) {

  public ArchitectureView {
    overview = List.copyOf(overview);
    services = List.copyOf(services);
    ownership = List.copyOf(ownership);
    dataModels = List.copyOf(dataModels);
    syncCalls = List.copyOf(syncCalls);
    asyncEvents = List.copyOf(asyncEvents);
    eventFlows = List.copyOf(eventFlows);
    unflowed = List.copyOf(unflowed);
    callChains = List.copyOf(callChains);
    links = List.copyOf(links);
    stateMachines = List.copyOf(stateMachines);
    operationFlows = List.copyOf(operationFlows);
  }

  /**
   * One paragraph of the overview.
   *
   * @param heading bold lead-in, e.g. {@code Database: PostgreSQL.}
   * @param record the decision record's path, or null when the plan has none for the topic
   */
  public record Paragraph(String heading, String text, String record) {}

  /** One service in the table; {@code sizing} is {@code 2–6 pods} or where the module runs. */
  public record ServiceRow(String name, String responsibility, String language, String api, String exposure,
      String owns, String publishes, String consumes, String calls, String sizing) {}

  /** Which entities a service owns and where they are stored. */
  public record Ownership(String service, String entities, String storage) {}

  /** The ERD of one service, with notes on plain ids into other services. */
  public record DataModel(String service, String storage, String diagram, List<String> notes) {
    public DataModel {
      notes = List.copyOf(notes);
    }
  }

  /** A sequence diagram with its heading and one sentence above it. */
  public record Flow(String title, String summary, String diagram) {}

  /** A link to another document of the workspace. */
  public record Link(String text, String path) {}
}
