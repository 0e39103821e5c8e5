package dev.archforge.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * Auto-escaping for YAML templates: every interpolated string becomes a double-quoted YAML scalar
 * (JSON string syntax, which YAML 1.2 and 1.1 both read), so no value from the requirements can
 * break the document's structure. Numbers are printed bare by {@link YamlNumberFormatFactory};
 * {@code ?no_esc} prints text as it is.
 */
final class YamlOutputFormat extends CommonMarkupOutputFormat<YamlOutputFormat.Model> {
  static final YamlOutputFormat INSTANCE = new YamlOutputFormat();

  private YamlOutputFormat() {}

  @Override
  public String getName() {
    return "YAML";
  }

  @Override
  public String getMimeType() {
    return "application/yaml";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return quote(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Model(plainTextContent, markupContent);
  }

  /** A YAML double-quoted scalar with JSON escapes; text with nothing to escape is only quoted. */
  static String quote(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape = escape(c);
      if (escape != null) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append('"').append(text, 0, i);
        }
        sb.append(escape);
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? '"' + text + '"' : sb.append('"').toString();
  }

  /** How {@code c} is written inside the quotes; null when as it is. */
  private static String escape(char c) {
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> ControlCharacters.isControl(c) || c == 0x2028 || c == 0x2029 || c == 0xfeff
          ? ControlCharacters.visible(c) : null;
    };
  }

  static final class Model extends CommonTemplateMarkupOutputModel<Model> {
    Model(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public YamlOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
