package dev.archforge.deliverable.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * A GraphQL description, safe to print: {@code inline} is a quoted string for a one-line text,
 * otherwise {@code lines} are the lines of a block string with {@code """} escaped. Templates
 * print one or the other and never escape anything themselves.
 *
 * @param lines the block string's lines, stripped, control characters removed; empty when no text
 * @param inline the text as a GraphQL string literal with its quotes, or null for a block string
 */
public record Doc(List<String> lines, String inline) {
  public Doc {
    lines = List.copyOf(lines);
  }

  /** A description; a text without line breaks, quotes or backslashes becomes a quoted string. */
  static Doc of(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      lines.add(clean(line).strip().replace("\"\"\"", "\\\"\"\""));
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    boolean simple = lines.size() == 1 && lines.get(0).indexOf('"') < 0 && lines.get(0).indexOf('\\') < 0;
    return new Doc(lines, simple ? "\"" + lines.get(0) + "\"" : null);
  }

  /** Paragraphs joined by blank lines. */
  static Doc paragraphs(String... texts) {
    return of(String.join("\n\n", texts));
  }

  /** GraphQL source text allows tab, line breaks and U+0020 and above; anything else is dropped. */
  private static String clean(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    line.codePoints().filter(c -> c == '\t' || c >= 0x20 && c != 0x7f).forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
