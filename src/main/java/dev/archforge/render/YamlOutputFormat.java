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

  /** A YAML double-quoted scalar with JSON escapes. */
  static String quote(String text) {
    int first = 0;
    while (first < text.length() && !escaped(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return '"' + text + '"';
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append('"').append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ControlCharacters.isControl(c) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Whether {@link #quote} writes {@code c} as an escape. */
  private static boolean escaped(char c) {
    return c == '"' || c == '\\' || ControlCharacters.isControl(c) || c == '\n' || c == '\r' || c == '\t'
        || c == 0x2028 || c == 0x2029 || c == 0xfeff;
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
