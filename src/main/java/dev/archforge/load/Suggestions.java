package dev.archforge.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" hints: the closest known word by edit distance, when it is close enough. */
final class Suggestions {
  private Suggestions() {}

  static Optional<String> closest(String word, Collection<String> known) {
    int limit = Math.max(2, word.length() / 3);
    return known.stream()
        .filter(k -> distance(word.toLowerCase(), k.toLowerCase()) <= limit)
        .min(Comparator.comparingInt((String k) -> distance(word.toLowerCase(), k.toLowerCase()))
            .thenComparing(k -> k));
  }

  /** " — did you mean 'x'?" or an empty string. */
  static String hint(String word, Collection<String> known) {
    return closest(word, known).map(k -> " — did you mean '" + k + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
