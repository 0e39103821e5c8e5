package dev.archforge.deliverable.infra;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.archforge.model.Artifact;
import java.util.Map;
import java.util.Optional;

/**
 * A file of infra/ as hcl4j reads it, parsed once per artifact for the validator and every check
 * across files (they only read the maps).
 *
 * @param map the parsed file, or null when it does not parse
 * @param problem the parser's message when it does not parse
 */
record ParsedHcl(Map<String, Object> map, String problem) {
  static ParsedHcl of(Artifact artifact) {
    return artifact.derived().get(ParsedHcl.class, () -> parse(artifact.content()));
  }

  /** The parsed file; empty when it does not parse (the opentofu validator reports it). */
  static Optional<Map<String, Object>> parsed(Artifact artifact) {
    return Optional.ofNullable(of(artifact).map());
  }

  private static ParsedHcl parse(String text) {
    try {
      return new ParsedHcl(new HCLParser().parse(text, false), null);
    } catch (Exception | StackOverflowError e) {
      return new ParsedHcl(null, String.valueOf(e.getMessage()));
    }
  }
}
