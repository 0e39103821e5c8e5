package dev.archforge.deliverable.architecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes one Mermaid {@code erDiagram}: entities with their columns, then relationships in
 * crow's-foot notation. A relationship may only join entities already written. Names that
 * Mermaid's lexer takes for keywords (an entity {@code Class} or {@code One}, a column
 * {@code pk}) are quoted or suffixed so that they stay names.
 */
final class ErDiagram {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_()]*");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_]");

  /** How many of one side relate to one of the other: the marker next to that side. */
  enum Cardinality {
    ZERO_OR_ONE("|o", "o|"),
    EXACTLY_ONE("||", "||"),
    ZERO_OR_MORE("}o", "o{"),
    ONE_OR_MORE("}|", "|{");

    private final String left;
    private final String right;

    Cardinality(String left, String right) {
      this.left = left;
      this.right = right;
    }
  }

  /** One column: its SQL-ish type and snake_case name, keys (PK, FK, UK) and a short comment. */
  record Column(String type, String name, List<String> keys, String comment) {
    Column {
      keys = List.copyOf(keys);
    }
  }

  /** One relationship as written, for tests and checks. */
  record Relationship(String left, Cardinality leftCard, Cardinality rightCard, String right, String label) {
    String notation() {
      return leftCard.left + "--" + rightCard.right;
    }
  }

  /** Words the erDiagram lexer reads as keywords whatever their case. */
  private static final Set<String> KEYWORDS = Set.of("one", "many", "to", "only", "zero", "optionally", "class",
      "classdef", "style", "end", "subgraph", "direction", "erdiagram", "acctitle", "accdescr", "u", "pk", "fk", "uk");
  private static final Set<String> KEYS = Set.of("PK", "FK", "UK");
  /** Column names the lexer reads as key markers. */
  private static final Set<String> COLUMN_KEYWORDS = Set.of("pk", "fk", "uk");

  private final StringBuilder text = new StringBuilder("erDiagram\n");
  private final Set<String> entities = new LinkedHashSet<>();
  private final List<Relationship> relationships = new ArrayList<>();

  ErDiagram entity(String name, List<Column> columns) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a safe entity name: " + name);
    }
    if (!entities.add(name)) {
      throw new IllegalStateException("entity written twice: " + name);
    }
    text.append("  ").append(ref(name)).append(" {\n");
    for (Column c : columns) {
      if (!TYPE.matcher(c.type()).matches()) {
        throw new IllegalArgumentException("not a safe column type: " + c.type());
      }
      if (!KEYS.containsAll(c.keys())) {
        throw new IllegalArgumentException("unknown key in " + c.keys());
      }
      text.append("    ").append(c.type()).append(' ').append(column(c.name()));
      if (!c.keys().isEmpty()) {
        text.append(' ').append(String.join(", ", c.keys()));
      }
      if (c.comment() != null && !c.comment().isBlank()) {
        text.append(" \"").append(MermaidText.label(c.comment())).append('"');
      }
      text.append('\n');
    }
    text.append("  }\n");
    return this;
  }

  /** {@code left} relates to {@code right}; each cardinality is the marker on its own side. */
  ErDiagram relationship(String left, Cardinality leftCard, Cardinality rightCard, String right, String label) {
    for (String name : List.of(left, right)) {
      if (!entities.contains(name)) {
        throw new IllegalStateException("relationship " + left + " -- " + right + ": '" + name + "' is not written");
      }
    }
    Relationship r = new Relationship(left, leftCard, rightCard, right, label);
    relationships.add(r);
    text.append("  ").append(ref(left)).append(' ').append(r.notation()).append(' ').append(ref(right))
        .append(" : \"").append(MermaidText.label(label)).append("\"\n");
    return this;
  }

  Set<String> entities() {
    return Set.copyOf(entities);
  }

  List<Relationship> relationships() {
    return List.copyOf(relationships);
  }

  String text() {
    return text.toString().stripTrailing();
  }

  /** How an entity is referred to in the text: its name, quoted when it is a keyword. */
  static String ref(String name) {
    return KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) ? '"' + name + '"' : name;
  }

  /** A column name that is not a keyword; a lone {@code pk} becomes {@code pk_}. */
  static String column(String name) {
    String safe = UNSAFE.matcher(name).replaceAll("_");
    if (safe.isEmpty() || !Character.isLetter(safe.charAt(0))) {
      safe = "c_" + safe;
    }
    return COLUMN_KEYWORDS.contains(safe.toLowerCase(Locale.ROOT)) ? safe + "_" : safe;
  }
}
