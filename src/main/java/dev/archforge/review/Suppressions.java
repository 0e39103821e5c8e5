package dev.archforge.review;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a file turns off for itself with a comment anywhere in it, in whatever comment syntax
 * the file has: {@code # archforge:disable=k8s/probes}, {@code -- archforge:disable=migration/destructive},
 * several ids separated by commas. An id turns off the rules below it too ({@code k8s/restricted}).
 */
final class Suppressions {
  private static final Pattern DISABLE = Pattern.compile("archforge:disable=([a-z0-9][a-z0-9/,-]*)");

  private final Set<String> ids;

  private Suppressions(Set<String> ids) {
    this.ids = Set.copyOf(ids);
  }

  static Suppressions in(String text) {
    Set<String> ids = new HashSet<>();
    Matcher m = DISABLE.matcher(text);
    while (m.find()) {
      for (String id : m.group(1).split(",")) {
        if (!id.isBlank()) {
          ids.add(id.replaceAll("/+$", ""));
        }
      }
    }
    return new Suppressions(ids);
  }

  boolean disables(String ruleId) {
    return ids.stream().anyMatch(id -> ruleId.equals(id) || ruleId.startsWith(id + "/"));
  }
}
