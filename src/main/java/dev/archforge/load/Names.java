package dev.archforge.load;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The name rules of the format. Names become file names, SQL identifiers, image and Kubernetes
 * names, so these patterns are what keeps every output path inside the workspace.
 */
enum Names {
  PROJECT("[a-z][a-z0-9-]{1,39}", "lowercase letters, digits and '-', starting with a letter, 2 to 40 characters, e.g. 'shop'"),
  SERVICE("[a-z][a-z0-9-]{1,39}", "lowercase letters, digits and '-', starting with a letter, 2 to 40 characters, e.g. 'orders'"),
  ENTITY("[A-Z][A-Za-z0-9]{0,63}", "PascalCase: a capital letter, then letters and digits, e.g. 'OrderLine'"),
  EVENT("[A-Z][A-Za-z0-9]{0,63}", "PascalCase: a capital letter, then letters and digits, e.g. 'OrderPlaced'"),
  FIELD("[a-z][A-Za-z0-9]{0,63}", "camelCase: a lowercase letter, then letters and digits, e.g. 'fullName'"),
  ROLE("[a-z][a-z0-9-]{0,39}", "lowercase letters, digits and '-', starting with a letter, e.g. 'staff'"),
  /** A Backstage entity reference to a group or user: {@code [group:|user:][namespace/]name}. */
  OWNER("(?=.{1,80}$)((group|user):)?([a-z0-9]+(-[a-z0-9]+)*/)?([A-Za-z0-9]+[-_.])*[A-Za-z0-9]+",
      "a team or person as Backstage names them: [group:|user:][namespace/]name, the name of letters, digits and"
      + " single '-', '_' or '.' between them, e.g. 'group:shop-team'");

  private final Pattern pattern;
  private final String rule;

  Names(String regex, String rule) {
    this.pattern = Pattern.compile(regex);
    this.rule = rule;
  }

  /** Checks a name; reports it at {@code node} when it breaks the rule. */
  boolean check(String name, Node node, String what, Diagnostics diagnostics) {
    boolean ok = pattern.matcher(name).matches() && !name.endsWith("-") && !name.contains("--");
    if (!ok) {
      diagnostics.error(node, what + " '" + name + "' is not a valid name: use " + rule
          + (name.contains("--") || name.endsWith("-") ? " (no '--', no '-' at the end)" : ""));
    }
    return ok;
  }
}
