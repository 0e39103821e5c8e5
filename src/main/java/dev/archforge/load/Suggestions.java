package dev.archforge.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" hints: the closest known word by edit distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  static Optional<String> closest(String word, Collection<String> known) {
    int limit = Math.max(2, word.length() / 3);
    return known.stream()
        .filter(k -> distance(word.toLowerCase(), k.toLowerCase()) <= limit)
        .min(Comparator.comparingInt((String k) -> distance(word.toLowerCase(), k.toLowerCase()))
            .thenComparing(k -> k));
  }

  /** " — did you mean 'x'?" or an empty string. */
  public static String hint(String word, Collection<String> known) {
    return closest(word, known).map(k -> " — did you mean '" + k + "'?").orElse("");
  }

  static int distance(String a, String b) {
    return dev.archforge.condition.DidYouMean.distance(a, b);
  }
}
