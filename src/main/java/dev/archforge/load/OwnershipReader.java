package dev.archforge.load;

import dev.archforge.model.Ownership;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Ownership rules: a blueprint's {@code ownership:} mapping and a workspace's own
 * {@code .archforge/ownership.yaml} (glob → managed | merged | seeded | ignored) and
 * {@code .archforgeignore} (one glob a line, {@code #} starts a comment: never written).
 */
public final class OwnershipReader {
  static final String FILE = ".archforge/ownership.yaml";
  static final String IGNORE = ".archforgeignore";
  private static final String CLASSES = String.join(", ",
      Arrays.stream(Ownership.Mode.values()).map(Ownership.Mode::label).toList());

  private OwnershipReader() {}

  /** The rules the person wrote in the agent folder, or their problems at FILE:LINE:COLUMN. */
  public record Result(Ownership ownership, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** {@code agent/.archforge/ownership.yaml}, then {@code agent/.archforgeignore}; no rules when neither exists. */
  public static Result read(Path agent) {
    List<Diagnostic> problems = new ArrayList<>();
    Ownership ownership = Ownership.DEFAULT;
    Optional<String> yaml = text(agent.resolve(FILE), FILE, problems);
    if (yaml.isPresent()) {
      Diagnostics diagnostics = new Diagnostics(agent.resolve(FILE).toString());
      ownership = SafeYaml.parse(yaml.get(), diagnostics)
          .flatMap(root -> YamlMap.open(root, "", diagnostics))
          .map(map -> rules(map, diagnostics)).orElse(Ownership.DEFAULT);
      problems.addAll(diagnostics.sorted());
    }
    Optional<String> ignore = text(agent.resolve(IGNORE), IGNORE, problems);
    if (ignore.isPresent()) {
      ownership = ownership.then(ignored(ignore.get(), agent.resolve(IGNORE).toString(), problems));
    }
    return new Result(ownership, problems);
  }

  /** A mapping of glob → class, in the order written. */
  static Ownership rules(YamlMap map, Diagnostics diagnostics) {
    List<Ownership.Rule> rules = new ArrayList<>();
    for (NodeTuple tuple : map.tuples()) {
      String glob = ((ScalarNode) tuple.getKeyNode()).getValue();
      if (!(tuple.getValueNode() instanceof ScalarNode value)) {
        diagnostics.error(tuple.getValueNode(), "the ownership of '" + glob + "' must be one of " + CLASSES);
        continue;
      }
      Optional<Ownership.Mode> mode = Ownership.Mode.parse(value.getValue());
      if (mode.isEmpty()) {
        diagnostics.error(value, "unknown ownership '" + value.getValue() + "'; one of " + CLASSES
            + Suggestions.hint(value.getValue(), Arrays.stream(Ownership.Mode.values()).map(Ownership.Mode::label).toList()));
        continue;
      }
      try {
        rules.add(new Ownership.Rule(glob, mode.get(), diagnostics.location(tuple.getKeyNode())));
      } catch (IllegalArgumentException e) {
        diagnostics.error(tuple.getKeyNode(), "'" + glob + "' is not a path pattern: " + e.getMessage());
      }
    }
    return new Ownership(rules);
  }

  private static Ownership ignored(String text, String file, List<Diagnostic> problems) {
    List<Ownership.Rule> rules = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String glob = line.startsWith("/") ? line.substring(1) : line;
      glob = glob.endsWith("/") ? glob + "**" : glob;
      int column = lines[i].indexOf(line.charAt(0)) + 1;
      try {
        rules.add(new Ownership.Rule(glob, Ownership.Mode.IGNORED, file + ":" + (i + 1) + ":" + column));
      } catch (IllegalArgumentException e) {
        problems.add(new Diagnostic(file, i + 1, column, Diagnostic.Severity.ERROR,
            "'" + line + "' is not a path pattern: " + e.getMessage()));
      }
    }
    return new Ownership(rules);
  }

  private static Optional<String> text(Path file, String name, List<Diagnostic> problems) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 1_048_576) {
        problems.add(new Diagnostic(file.toString(), 1, 1, Diagnostic.Severity.ERROR,
            name + " must be a plain file of at most 1 MiB"));
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(new Diagnostic(file.toString(), 1, 1, Diagnostic.Severity.ERROR, "cannot read " + name + ": "
          + e.getMessage()));
      return Optional.empty();
    }
  }
}
