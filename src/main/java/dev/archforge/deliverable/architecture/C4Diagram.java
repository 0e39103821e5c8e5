package dev.archforge.deliverable.architecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one Mermaid C4 diagram ({@code C4Context} or {@code C4Container}) element by element.
 * Aliases must be safe identifiers and unique; a relationship may only join declared aliases, so
 * a diagram that would point at nothing cannot be written. Labels are escaped here.
 */
final class C4Diagram {
  /** One relationship, as written. */
  record Rel(String from, String to, String label, String technology) {}

  private final StringBuilder text = new StringBuilder();
  private final Set<String> aliases = new LinkedHashSet<>();
  private final List<Rel> rels = new ArrayList<>();
  private String indent = "  ";

  /** @param kind {@code C4Context} or {@code C4Container} */
  C4Diagram(String kind, String title) {
    if (!kind.equals("C4Context") && !kind.equals("C4Container")) {
      throw new IllegalArgumentException("not a C4 diagram kind: " + kind);
    }
    text.append(kind).append('\n').append(indent).append("title ").append(MermaidText.label(title)).append('\n');
  }

  C4Diagram person(String alias, String label, String description) {
    return element("Person", alias, label, null, description);
  }

  C4Diagram system(String alias, String label, String description) {
    return element("System", alias, label, null, description);
  }

  C4Diagram externalSystem(String alias, String label, String description) {
    return element("System_Ext", alias, label, null, description);
  }

  C4Diagram container(String alias, String label, String technology, String description) {
    return element("Container", alias, label, technology, description);
  }

  C4Diagram database(String alias, String label, String technology, String description) {
    return element("ContainerDb", alias, label, technology, description);
  }

  C4Diagram queue(String alias, String label, String technology, String description) {
    return element("ContainerQueue", alias, label, technology, description);
  }

  /** A {@code System_Boundary} around the elements {@code body} adds. */
  C4Diagram boundary(String alias, String label, Runnable body) {
    declare(alias);
    line("System_Boundary(" + alias + ", " + quoted(label) + ") {");
    String outer = indent;
    indent = outer + "  ";
    body.run();
    indent = outer;
    line("}");
    return this;
  }

  /** A relationship between two declared elements; the same one twice is written once. */
  C4Diagram rel(String from, String to, String label, String technology) {
    for (String alias : List.of(from, to)) {
      if (!aliases.contains(alias)) {
        throw new IllegalStateException("Rel(" + from + ", " + to + "): '" + alias + "' is not declared");
      }
    }
    Rel rel = new Rel(from, to, label, technology);
    if (!rels.contains(rel)) {
      rels.add(rel);
      line("Rel(" + from + ", " + to + ", " + quoted(label) + ", " + quoted(technology) + ")");
    }
    return this;
  }

  boolean has(String alias) {
    return aliases.contains(alias);
  }

  Set<String> aliases() {
    return Set.copyOf(aliases);
  }

  List<Rel> rels() {
    return List.copyOf(rels);
  }

  String text() {
    return text.toString().stripTrailing();
  }

  private C4Diagram element(String macro, String alias, String label, String technology, String description) {
    declare(alias);
    StringBuilder sb = new StringBuilder(macro).append('(').append(alias).append(", ").append(quoted(label));
    if (technology != null) {
      sb.append(", ").append(quoted(technology));
    }
    sb.append(", ").append(quoted(description)).append(')');
    line(sb.toString());
    return this;
  }

  private void declare(String alias) {
    if (!alias.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a safe C4 alias: " + alias);
    }
    if (!aliases.add(alias)) {
      throw new IllegalStateException("C4 alias declared twice: " + alias);
    }
  }

  private void line(String line) {
    text.append(indent).append(line).append('\n');
  }

  private static String quoted(String label) {
    return '"' + MermaidText.label(label) + '"';
  }
}
