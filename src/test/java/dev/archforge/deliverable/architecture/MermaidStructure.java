package dev.archforge.deliverable.architecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Mermaid blocks of a Markdown text on its own, without the builders' bookkeeping, and
 * finds what mermaid's lenient parsers let pass: a C4 Rel, an ERD relationship, a message or a
 * note that names something the diagram never declares, or a name declared twice.
 */
final class MermaidStructure {
  private static final Pattern C4_ELEMENT = Pattern.compile(
      "^\\s*(Person|System|System_Ext|Container|ContainerDb|ContainerQueue|System_Boundary)\\((\\w+),");
  private static final Pattern C4_REL = Pattern.compile("^\\s*Rel\\((\\w+), (\\w+),");
  private static final Pattern ER_ENTITY = Pattern.compile("^\\s*\"?(\\w+)\"? \\{$");
  private static final Pattern ER_RELATIONSHIP =
      Pattern.compile("^\\s*\"?(\\w+)\"? (\\S+) \"?(\\w+)\"? : \"[^\"]*\"$");
  private static final Set<String> NOTATIONS = Set.of("}o--||", "}o--o|", "|o--||", "|o--o|", "||--o{");
  private static final Pattern SEQ_PARTICIPANT = Pattern.compile("^\\s*(participant|actor) (\\w+)( as .+)?$");
  private static final Pattern SEQ_MESSAGE = Pattern.compile("^\\s*(\\w+)(->>|-->>|-\\))(\\w+): .*$");
  private static final Pattern SEQ_NOTE = Pattern.compile("^\\s*Note over (\\w+)(?:,(\\w+))?: .+$");
  private static final Set<String> SEQ_KEYWORDS = Set.of("alt", "else", "opt", "loop", "end");

  private MermaidStructure() {}

  /** The text of every {@code ```mermaid} block, in order. */
  static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : markdown.split("\n", -1)) {
      if (block == null && line.equals("```mermaid")) {
        block = new StringBuilder();
      } else if (block != null && line.equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    if (block != null) {
      throw new AssertionError("unclosed mermaid block");
    }
    return blocks;
  }

  /** The problems of one block: undeclared endpoints, names declared twice, lines not understood. */
  static List<String> problems(String block) {
    String kind = block.lines().findFirst().orElse("");
    return switch (kind) {
      case "C4Context", "C4Container" -> c4(block);
      case "erDiagram" -> er(block);
      case "sequenceDiagram" -> sequence(block);
      case "stateDiagram-v2" -> states(block);
      default -> List.of("unexpected diagram kind: " + kind);
    };
  }

  /** A state diagram: every state declared once, every transition between declared states or [*]. */
  private static List<String> states(String block) {
    List<String> problems = new ArrayList<>();
    java.util.Set<String> declared = new java.util.HashSet<>(List.of("[*]"));
    for (String line : block.lines().skip(1).map(String::trim).toList()) {
      java.util.regex.Matcher state = java.util.regex.Pattern.compile("state \"[^\"]*\" as (\\w+)").matcher(line);
      java.util.regex.Matcher arrow = java.util.regex.Pattern.compile("(\\S+) --> (\\S+) : .+").matcher(line);
      if (state.matches()) {
        if (!declared.add(state.group(1))) {
          problems.add("state declared twice: " + line);
        }
      } else if (arrow.matches()) {
        for (String end : List.of(arrow.group(1), arrow.group(2))) {
          if (!declared.contains(end)) {
            problems.add("transition to or from an undeclared state: " + line);
          }
        }
      } else {
        problems.add("line not understood: " + line);
      }
    }
    return problems;
  }

  private static List<String> c4(String block) {
    List<String> problems = new ArrayList<>();
    Set<String> aliases = new LinkedHashSet<>();
    List<String> lines = block.lines().toList();
    for (String line : lines) {
      Matcher m = C4_ELEMENT.matcher(line);
      if (m.find() && !aliases.add(m.group(2))) {
        problems.add("alias declared twice: " + m.group(2));
      }
    }
    for (String line : lines) {
      Matcher m = C4_REL.matcher(line);
      if (m.find()) {
        for (String end : List.of(m.group(1), m.group(2))) {
          if (!aliases.contains(end)) {
            problems.add("Rel to undeclared alias " + end + ": " + line.trim());
          }
        }
      } else if (!C4_ELEMENT.matcher(line).find() && !line.trim().matches("(C4\\w+|title .*|\\})")) {
        problems.add("line not understood: " + line);
      }
    }
    return problems;
  }

  private static List<String> er(String block) {
    List<String> problems = new ArrayList<>();
    Set<String> entities = new LinkedHashSet<>();
    List<String> relationships = new ArrayList<>();
    boolean inEntity = false;
    for (String line : block.lines().skip(1).toList()) {
      Matcher e = ER_ENTITY.matcher(line);
      if (inEntity) {
        inEntity = !line.trim().equals("}");
        if (inEntity && !line.trim().matches("\\w+(\\(\\d+\\))? \\w+( (PK|FK|UK)(, (PK|FK|UK))*)?( \"[^\"]*\")?")) {
          problems.add("attribute not understood: " + line);
        }
      } else if (e.matches()) {
        inEntity = true;
        if (!entities.add(e.group(1))) {
          problems.add("entity declared twice: " + e.group(1));
        }
      } else if (ER_RELATIONSHIP.matcher(line).matches()) {
        relationships.add(line);
      } else {
        problems.add("line not understood: " + line);
      }
    }
    for (String line : relationships) {
      Matcher m = ER_RELATIONSHIP.matcher(line);
      m.matches();
      if (!NOTATIONS.contains(m.group(2))) {
        problems.add("unexpected cardinality " + m.group(2) + ": " + line.trim());
      }
      for (String end : List.of(m.group(1), m.group(3))) {
        if (!entities.contains(end)) {
          problems.add("relationship with undeclared entity " + end + ": " + line.trim());
        }
      }
    }
    return problems;
  }

  private static List<String> sequence(String block) {
    List<String> problems = new ArrayList<>();
    Set<String> participants = new LinkedHashSet<>();
    int depth = 0;
    for (String line : block.lines().skip(1).toList()) {
      String trimmed = line.trim();
      String first = trimmed.split(" ", 2)[0];
      Matcher p = SEQ_PARTICIPANT.matcher(line);
      Matcher m = SEQ_MESSAGE.matcher(line);
      Matcher n = SEQ_NOTE.matcher(line);
      if (p.matches()) {
        if (!participants.add(p.group(2))) {
          problems.add("participant declared twice: " + p.group(2));
        }
      } else if (m.matches()) {
        check(participants, problems, line, m.group(1), m.group(3));
      } else if (n.matches()) {
        check(participants, problems, line, n.group(1), n.group(2) == null ? n.group(1) : n.group(2));
      } else if (SEQ_KEYWORDS.contains(first)) {
        depth += first.equals("end") ? -1 : first.equals("else") ? 0 : 1;
      } else {
        problems.add("line not understood: " + line);
      }
    }
    if (depth != 0) {
      problems.add("blocks not balanced: " + depth);
    }
    return problems;
  }

  private static void check(Set<String> declared, List<String> problems, String line, String... ends) {
    for (String end : ends) {
      if (!declared.contains(end)) {
        problems.add("undeclared participant " + end + ": " + line.trim());
      }
    }
  }
}
