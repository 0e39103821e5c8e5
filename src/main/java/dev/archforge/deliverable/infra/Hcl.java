package dev.archforge.deliverable.infra;

/** HCL string literals: what a template prints between quotes cannot end the string or interpolate. */
final class Hcl {
  private Hcl() {}

  /** {@code text} as a quoted HCL string: {@code \} {@code "} and newlines escaped, {@code ${} and {@code %{} doubled. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean template = (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{';
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(template ? String.valueOf(c) + c : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
