package dev.archforge.condition;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name closest to a misspelt one: within two edits, or else one that it begins. */
public final class DidYouMean {
  private static final int MAX_EDITS = 2;

  private DidYouMean() {}

  static Optional<String> closest(String word, Collection<String> known) {
    Optional<String> near = known.stream()
        .filter(k -> distance(word, k) <= MAX_EDITS)
        .min(Comparator.comparingInt((String k) -> distance(word, k)).thenComparing(k -> k));
    if (near.isPresent()) {
      return near;
    }
    return known.stream()
        .filter(k -> k.startsWith(word))
        .min(Comparator.comparingInt(String::length).thenComparing(k -> k));
  }

  /** Levenshtein distance: inserts, deletes and changes of one character each count one. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1, previous[j - 1] + change);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
