package dev.archforge.deliverable.grpc;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as the lines of a proto {@code //} comment: control characters dropped (a line break in a
 * description cannot end the comment early), paragraphs kept, lines wrapped at
 * {@value #WIDTH} characters. Templates print each line after {@code //} and escape nothing.
 */
final class Comment {
  static final int WIDTH = 96;

  private Comment() {}

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    String normalized = (text == null ? "" : text).replace("\r\n", "\n").replace('\r', '\n');
    for (String paragraph : normalized.split("\n", -1)) {
      wrap(clean(paragraph).strip(), lines);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    return List.copyOf(lines);
  }

  /** Paragraphs separated by empty comment lines. */
  static List<String> paragraphs(String... texts) {
    return lines(String.join("\n\n", texts));
  }

  private static void wrap(String text, List<String> out) {
    if (text.isEmpty()) {
      out.add("");
      return;
    }
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > WIDTH) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    out.add(line.toString());
  }

  private static String clean(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    line.codePoints().map(c -> c == '\t' ? ' ' : c).filter(c -> c >= 0x20 && c != 0x7f && c != 0x85
        && c != 0x2028 && c != 0x2029).forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
