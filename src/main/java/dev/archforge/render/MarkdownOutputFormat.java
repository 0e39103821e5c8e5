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
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape != null) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        sb.append(escape);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  /** How {@code c} is written; null when as it is. */
  private static String escape(char c) {
    if (c == '\n' || c == '\r') {
      return " ";
    }
    if (c == '&') {
      return "&amp;";
    }
    if (SPECIAL.indexOf(c) >= 0) {
      return "\\" + c;
    }
    return ControlCharacters.isControl(c) ? ControlCharacters.visible(c) : null;
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
