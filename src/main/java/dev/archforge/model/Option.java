package dev.archforge.model;

import java.util.List;

/**
 * One choice a decision topic offers, as a blueprint's rules describe it.
 *
 * @param name the spelling used in {@code decisions:} and in the records, e.g. {@code cdn-and-redis}
 * @param summary one sentence: what choosing it means
 * @param pros what speaks for it
 * @param cons what it costs
 * @param consequences what follows for the system and the team when it is chosen
 */
public record Option(String name, String summary, List<String> pros, List<String> cons, List<String> consequences) {
  public Option {
    pros = List.copyOf(pros);
    cons = List.copyOf(cons);
    consequences = List.copyOf(consequences);
  }
}
