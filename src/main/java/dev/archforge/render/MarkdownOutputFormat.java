package dev.archforge.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * Auto-escaping for Markdown templates: interpolated text cannot open a table cell, a link, an
 * HTML tag or emphasis, and cannot start a heading; line breaks become spaces so a value stays in
 * its table row; control characters are written visibly ({@link ControlCharacters}). {@code ?no_esc} prints Markdown as it is.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Model> {
  static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();
  private static final String SPECIAL = "\\`*_[]<>|~";

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  @Override
  public String escapePlainText(String text) {
    int first = 0;
    while (first < text.length() && !special(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        sb.append(' ');
      } else if (c == '&') {
        sb.append("&amp;");
      } else if (SPECIAL.indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else if (ControlCharacters.isControl(c)) {
        sb.append(ControlCharacters.visible(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean special(char c) {
    return c == '\n' || c == '\r' || c == '&' || SPECIAL.indexOf(c) >= 0 || ControlCharacters.isControl(c);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Model(plainTextContent, markupContent);
  }

  static final class Model extends CommonTemplateMarkupOutputModel<Model> {
    Model(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
