package dev.archforge.render;

import java.nio.charset.StandardCharsets;

/**
 * Control characters from the input (ESC, BEL, NUL, the rest of C0 and C1, DEL) written as visible
 * text, {@code \u001b}: they would drive a terminal that shows a message or a document, or hide
 * text in it. Tab and line breaks stay.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** Whether {@code c} is a control character other than tab, line feed and carriage return. */
  public static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
  }

  /** {@code c} as {@code \}{@code u} and four hex digits. */
  public static String visible(char c) {
    return String.format("\\u%04x", (int) c);
  }

  /**
   * {@code text} with every {@link #isControl control character} made {@link #visible}, and every
   * carriage return that does not end a line ({@code \r\n}): alone, it would overwrite the line.
   */
  public static String escape(String text) {
    if (!mayNeedEscaping(text)) {
      return text;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c) || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        sb.append(visible(c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * Whether {@code text} has a control character or a carriage return, read from its Latin-1 bytes
   * in one tight loop: a run's documents are megabytes of text that almost never hold one. A
   * character beyond Latin-1 is never a control character (it reads as {@code ?}).
   */
  private static boolean mayNeedEscaping(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7f && c <= 0x9f) {
        return true;
      }
    }
    return false;
  }
}
