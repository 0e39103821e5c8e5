package dev.archforge.load;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * YAML text to a node tree with positions, under limits that keep hostile input harmless: a
 * size cap, a nesting cap, a cap on aliases (billion-laughs), one document only. Nothing is
 * constructed into Java objects here, so no tag can instantiate a class. Duplicate and
 * non-string keys are reported by {@link YamlMap}, where the position is known.
 */
final class SafeYaml {
  static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 40;

  private SafeYaml() {}

  static Optional<Node> parse(String text, Diagnostics diagnostics) {
    if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
      diagnostics.errorAtStart("the file is too large (over " + MAX_CODE_POINTS / (1024 * 1024)
          + " MiB of text); a requirements file is a few hundred kilobytes at most");
      return Optional.empty();
    }
    Yaml yaml = yaml();
    try {
      Node root = yaml.compose(new StringReader(text));
      if (root == null) {
        diagnostics.errorAtStart("the file is empty; start with 'archforge: 1' (run 'archforge init' for a commented example)");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (MarkedYAMLException e) {
      diagnostics.error(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), syntax(e));
    } catch (YAMLException e) {
      reportLimit(text, e, diagnostics);
    }
    return Optional.empty();
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setProcessComments(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
  }

  private static String syntax(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
    String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
    if (context.contains("expected a single document")) {
      return "the file holds more than one YAML document ('---'); put everything in one";
    }
    if (problem.contains("(TAB)")) {
      return "YAML syntax error: a tab is used for indentation; indent with spaces";
    }
    return "YAML syntax error: " + problem.strip() + context;
  }

  /** The composer's limit messages carry no position: find the offending alias ourselves. */
  private static void reportLimit(String text, YAMLException e, Diagnostics diagnostics) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("aliases")) {
      int count = 0;
      try {
        for (Event event : yaml().parse(new StringReader(text))) {
          if (event instanceof AliasEvent && ++count > MAX_ALIASES) {
            diagnostics.error(event.getStartMark(), "too many aliases (over " + MAX_ALIASES
                + "): anchors and aliases are limited so that a small file cannot expand into a huge one");
            return;
          }
        }
      } catch (YAMLException ignored) {
        // fall through to the position-less message
      }
      diagnostics.errorAtStart("too many aliases (over " + MAX_ALIASES + ")");
    } else if (message.contains("Nesting Depth")) {
      diagnostics.errorAtStart("the document is nested too deeply (over " + MAX_DEPTH + " levels)");
    } else {
      diagnostics.errorAtStart("the file cannot be read as YAML: " + message);
    }
  }
}
