package dev.archforge.deliverable.structurizr;

import com.structurizr.Workspace;
import com.structurizr.dsl.StructurizrDslParser;
import com.structurizr.dsl.StructurizrDslParserException;
import dev.archforge.model.Artifact;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Structurizr DSL text parsed in memory by Structurizr's own parser, in restricted mode (no
 * files, no scripts, no network). {@code !adrs} reads a folder, so it is checked on its own
 * ({@link #adrsFolder}) and left out of the parse; the line numbers stay those of the file.
 */
final class DslWorkspace {
  private static final Pattern ADRS = Pattern.compile("(?m)^[ \\t]*!adrs[ \\t]+\"?([^\"\\s]+)\"?.*$");
  private static final Pattern LINE = Pattern.compile("at line (\\d+)");

  /** The parsed workspace, or the parser's message and line. */
  record Parsed(Workspace workspace, String problem, int line) {}

  private DslWorkspace() {}

  /** The artifact's workspace, parsed once for the validator and the checks across files (they only read it). */
  static Parsed parse(Artifact artifact) {
    return artifact.derived().get(Parsed.class, () -> parse(artifact.content()));
  }

  static Parsed parse(String dsl) {
    StructurizrDslParser parser = new StructurizrDslParser();
    parser.setRestricted(true);
    try {
      parser.parse(ADRS.matcher(dsl).replaceAll(""));
      return new Parsed(parser.getWorkspace(), null, 0);
    } catch (StructurizrDslParserException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      Matcher m = LINE.matcher(message);
      return new Parsed(null, message, m.find() ? Integer.parseInt(m.group(1)) : 0);
    }
  }

  /** The folder {@code !adrs} names, relative to the DSL file; empty without one. */
  static Optional<String> adrsFolder(String dsl) {
    Matcher m = ADRS.matcher(dsl);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
