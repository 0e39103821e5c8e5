package dev.archforge.deliverable.security;

import java.util.List;
import java.util.Locale;

/**
 * The few pieces of Markdown the security views carry ready-made (fields named {@code ...Md},
 * printed with {@code ?no_esc}): code spans, links and heading anchors. Only names of the
 * requirements go into them, and those are restricted to letters, digits and {@code -}.
 */
final class Md {
  private Md() {}

  static String code(String text) {
    return "`" + text.replace("`", "'") + "`";
  }

  static String codes(List<String> texts) {
    return texts.isEmpty() ? "none" : String.join(", ", texts.stream().map(Md::code).toList());
  }

  static String link(String text, String href) {
    return "[" + text + "](" + href + ")";
  }

  /**
   * The anchor a heading gets on GitHub and in markdownlint's link check: lower case, punctuation
   * other than {@code -} and {@code _} dropped, spaces to {@code -}.
   */
  static String anchor(String heading) {
    String lower = heading.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        sb.append(c);
      } else if (c == ' ') {
        sb.append('-');
      }
    }
    return sb.toString();
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String and(List<String> items) {
    if (items.isEmpty()) {
      return "none";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
