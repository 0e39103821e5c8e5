package dev.archforge.model;

import java.util.List;

/**
 * One drafted architecture decision, keyed by a topic of the requirements format.
 *
 * @param topic the decision topic id, e.g. {@code api-versioning}
 * @param choice what was chosen, in the spelling of the requirements file
 * @param origin whether the user named it under {@code decisions:} or the rules drafted it
 * @param reason why, in one or two sentences
 * @param drivers the requirement keys and values that drove the choice ({@code key = value})
 */
public record Decision(String topic, String choice, Origin origin, String reason, List<String> drivers) {
  public enum Origin {
    USER("user"),
    DRAFTED("drafted");

    private final String label;

    Origin(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  public Decision {
    drivers = List.copyOf(drivers);
  }
}
