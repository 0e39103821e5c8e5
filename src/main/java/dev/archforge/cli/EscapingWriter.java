package dev.archforge.cli;

import dev.archforge.render.ControlCharacters;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What archforge prints, with every control character written visibly ({@code \u001b}): text from
 * an input (a key, a value, a file name) reaches messages, and an escape sequence in it would
 * drive the terminal. A carriage return is one too, unless it belongs to this system's line break.
 * Everything printed passes here, so help is printed without ANSI styles.
 */
final class EscapingWriter extends FilterWriter {
  private static final boolean CR_ENDS_LINES = System.lineSeparator().contains("\r");

  private EscapingWriter(Writer out) {
    super(out);
  }

  /** {@code writer}, escaping, with autoflush on every line as picocli's writers do. */
  static PrintWriter around(PrintWriter writer) {
    return new PrintWriter(new EscapingWriter(writer), true);
  }

  @Override
  public void write(int c) throws IOException {
    char ch = (char) c;
    if (ControlCharacters.isControl(ch) || ch == '\r' && !CR_ENDS_LINES) {
      out.write(ControlCharacters.visible(ch));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    write(new String(chars, offset, length), 0, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(text.charAt(i));
    }
  }
}
