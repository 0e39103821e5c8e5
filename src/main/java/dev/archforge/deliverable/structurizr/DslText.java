package dev.archforge.deliverable.structurizr;

import java.util.Locale;

/** Strings and identifiers of the Structurizr DSL. */
final class DslText {
  private DslText() {}

  /** A double-quoted DSL string: one line, with {@code \} and {@code "} escaped. */
  static String quote(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return "\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** An identifier: a prefix and a kebab-case name ({@code svc}, {@code order-lines} → {@code svc_order_lines}). */
  static String id(String prefix, String name) {
    return prefix + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }
}
