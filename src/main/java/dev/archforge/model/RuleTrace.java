package dev.archforge.model;

import java.util.List;

/**
 * How one rule fared while a topic was decided, for {@code archforge explain}.
 *
 * @param rule the rule's id
 * @param condition the condition as written, or {@code always}
 * @param held whether it held; the first rule that held decided the topic
 * @param failed the parts of an and/or chain that did not hold, as written
 * @param values the facts the condition reads, with their values
 * @param source where the rule is written
 */
public record RuleTrace(
    String rule, String condition, String choice, boolean held, List<String> failed, List<Driver> values, String source) {
  public RuleTrace {
    failed = List.copyOf(failed);
    values = List.copyOf(values);
  }
}
