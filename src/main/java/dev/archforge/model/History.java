package dev.archforge.model;

import java.util.List;

/**
 * What the previous run left in the workspace that the next one builds on: the decision records it
 * issued and the normalised input it was made from.
 *
 * @param records every record issued so far, by number
 * @param normalizedInput the previous {@code requirements.normalized.yaml}, empty on a first run
 */
public record History(List<IssuedRecord> records, String normalizedInput) {
  public static final History NONE = new History(List.of(), "");

  public History {
    records = List.copyOf(records);
  }
}
