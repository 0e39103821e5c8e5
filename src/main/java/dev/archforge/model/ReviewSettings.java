package dev.archforge.model;

import java.util.List;

/**
 * What a blueprint says about {@code archforge review}: the rules it turns off everywhere, each with
 * where the blueprint names it, so an id review does not know can be reported there.
 */
public record ReviewSettings(List<DisabledRule> disable) {
  public static final ReviewSettings NONE = new ReviewSettings(List.of());

  public ReviewSettings {
    disable = List.copyOf(disable);
  }

  /** A rule id (or a prefix of ids) and its place, {@code FILE:LINE:COLUMN}. */
  public record DisabledRule(String id, String location) {}
}
