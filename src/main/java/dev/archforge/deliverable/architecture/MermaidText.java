package dev.archforge.deliverable.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text and identifiers safe inside Mermaid diagrams of any kind (C4, erDiagram, sequenceDiagram).
 *
 * <p>A label is one line in which every character Mermaid's parsers treat specially is written as
 * a Mermaid entity code: {@code "} ends a quoted label, {@code #} and {@code ;} end a sequence
 * message, {@code %} may open a directive, {@code < > &} would reach the HTML sanitiser. Mermaid
 * turns the codes back into the characters when it draws. An identifier keeps only
 * {@code [A-Za-z0-9_]} and starts with a letter.
 */
final class MermaidText {
  private static final Pattern BLANKS = Pattern.compile("[\\s\\p{Cntrl}]+");

  private MermaidText() {}

  /** {@code text} as one line for a label, its special characters as entity codes; null is empty. */
  static String label(String text) {
    if (text == null) {
      return "";
    }
    String line = BLANKS.matcher(text).replaceAll(" ").trim();
    StringBuilder sb = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '"' -> sb.append("#quot;");
        case '#' -> sb.append("#35;");
        case ';' -> sb.append("#59;");
        case '%' -> sb.append("#37;");
        case '<' -> sb.append("#lt;");
        case '>' -> sb.append("#gt;");
        case '&' -> sb.append("#amp;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Labels of several lines, each escaped, joined by Mermaid's line break. */
  static String lines(List<String> lines) {
    return String.join("<br/>", lines.stream().map(MermaidText::label).toList());
  }

  /** A long sentence as lines of at most about {@code width} characters, broken between words. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : (text == null ? "" : text.trim()).split("\\s+")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * An identifier: {@code prefix_name} with every character outside {@code [A-Za-z0-9_]} as
   * {@code _}. The prefix keeps names clear of diagram keywords ({@code end}, {@code note}, ...)
   * and of a leading digit; it must itself start with a letter.
   */
  static String id(String prefix, String name) {
    if (prefix.isEmpty() || !Character.isLetter(prefix.charAt(0))) {
      throw new IllegalArgumentException("an identifier prefix starts with a letter: " + prefix);
    }
    return safe(prefix) + "_" + safe(name);
  }

  private static String safe(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
    }
    return sb.toString();
  }
}
