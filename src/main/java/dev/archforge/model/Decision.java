package dev.archforge.model;

import java.util.List;

/**
 * One architecture decision, keyed by a topic of the requirements format: what was chosen, by
 * whom, why, what else was considered and which requirement values drove it.
 *
 * @param topic the topic id, e.g. {@code caching}
 * @param title the topic as a heading, e.g. {@code Caching}
 * @param question what the decision answers
 * @param choice the chosen option, in the spelling of the requirements file
 * @param origin whether the user named it under {@code decisions:} or the rules drafted it
 * @param rule the rule that drafted the choice; for a user's decision, the rule that would have
 * @param reasons why, sentence by sentence, with the requirement values filled in
 * @param drivenBy the requirement values the rules read to get here (traceability)
 * @param options every option of the topic with its pros and cons, the chosen one included
 * @param consequences what follows from the choice
 * @param drafted for a user's decision: what the rules would have chosen, and why; else null
 * @param trace every rule tried, in order, and whether it held
 */
public record Decision(
    String topic,
    String title,
    String question,
    String choice,
    Origin origin,
    String rule,
    List<String> reasons,
    List<Driver> drivenBy,
    List<Option> options,
    List<String> consequences,
    Alternative drafted,
    List<RuleTrace> trace) {

  /** Who made a decision; {@code toString} is the spelling in documents and JSON. */
  public enum Origin {
    USER("user"),
    RULES("rules");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** What the rules chose for a topic the user decided. */
  public record Alternative(String choice, String rule, List<String> reasons) {
    public Alternative {
      reasons = List.copyOf(reasons);
    }
  }

  public Decision {
    reasons = List.copyOf(reasons);
    drivenBy = List.copyOf(drivenBy);
    options = List.copyOf(options);
    consequences = List.copyOf(consequences);
    trace = List.copyOf(trace);
  }

  public boolean isUsers() {
    return origin == Origin.USER;
  }

  /** The chosen option as the rules describe it; empty for a user's choice the rules do not know. */
  public java.util.Optional<Option> chosen() {
    return options.stream().filter(o -> o.name().equals(choice)).findFirst();
  }

  /** The first reason, for tables. */
  public String summary() {
    return reasons.isEmpty() ? "" : reasons.get(0);
  }
}
