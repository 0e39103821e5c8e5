package dev.archforge.facts;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.archforge.model.Artifact;
import java.util.Map;
import java.util.Optional;

/**
 * A file of infra/ as hcl4j reads it, parsed once per artifact for the validator and every check
 * across files, of any deliverable (they only read the maps: shared between threads, never changed).
 *
 * @param map the parsed file, or null when it does not parse
 * @param problem the parser's message when it does not parse
 */
public record ParsedHcl(Map<String, Object> map, String problem) {
  public static ParsedHcl of(Artifact artifact) {
    return artifact.derived().get(ParsedHcl.class, () -> parse(artifact.content()));
  }

  /** The parsed file; empty when it does not parse (the opentofu validator reports it). */
  public static Optional<Map<String, Object>> parsed(Artifact artifact) {
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
