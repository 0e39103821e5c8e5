package dev.archforge.deliverable.docs;

import dev.archforge.facts.ContentsEntry;
import dev.archforge.facts.Upstream;
import java.util.List;

/**
 * What the workspace documents show: the system at a glance, its decisions, the key trade-offs,
 * the headline numbers, what was assumed and what is still open, where each artifact lives, and
 * the other agents beside ours with what of ours their files use ({@code otherAgents}, by name).
 */
public record DocsView(
    String project,
    String title,
    String description,
    String domain,
    String blueprint,
    List<ServiceRow> services,
    List<DecisionRow> decisions,
    List<String> tradeOffs,
    List<String> headline,
    List<String> assumptions,
    List<String> openQuestions,
    List<String> warnings,
    List<ContentsEntry> contents,
    List<String> documents,
    List<Upstream.AgentUses> otherAgents) {

  /** One service in the overview table. */
  public record ServiceRow(String name, String api, String exposure, String language, String entities,
      String publishes, String consumes, String calls, String description) {}

  /**
   * One decision at a glance.
   *
   * @param record the decision record's path, relative to the agent folder
   * @param drivers the requirement keys that drove it, joined
   */
  public record DecisionRow(String topic, String title, String choice, String origin, String reason, String drivers,
      String record) {}
}
