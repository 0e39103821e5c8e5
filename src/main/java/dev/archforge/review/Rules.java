package dev.archforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review's rules, read once from {@code review/rules.yaml} on the class path: data, so that
 * the README, SARIF's rule metadata and the checks name the same ids, severities and fixes.
 */
public final class Rules {
  private static final String RESOURCE = "/review/rules.yaml";
  private static final String COHERENCE = "coherence/files-agree";
  private final Map<String, Rule> byId;

  private Rules(Map<String, Rule> byId) {
    this.byId = byId;
  }

  /** The built-in rules. */
  public static Rules standard() {
    try (InputStream in = Rules.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      Map<String, Rule> byId = new LinkedHashMap<>();
      for (JsonNode node : new ObjectMapper(new YAMLFactory()).readTree(in)) {
        Rule rule = new Rule(node.path("id").asText(), Severity.valueOf(node.path("severity").asText().toUpperCase(
            Locale.ROOT)), node.path("title").asText(), node.path("help").asText());
        if (byId.put(rule.id(), rule) != null) {
          throw new IllegalStateException(RESOURCE + ": rule " + rule.id() + " is listed twice");
        }
      }
      return new Rules(byId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Every rule, in the order of the file. */
  public List<Rule> all() {
    return List.copyOf(byId.values());
  }

  /** The rule of this id; an unknown id is a bug of the check that names it. */
  public Rule get(String id) {
    Rule rule = byId.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("no review rule " + id + " in " + RESOURCE);
    }
    return rule;
  }

  /**
   * The rule of a check across files that generate runs ({@code routes-match-exposure}, ...):
   * {@code coherence/<name>}, with the help of {@code coherence/files-agree}.
   */
  public Rule coherence(String checkName) {
    String slug = checkName.toLowerCase(Locale.ROOT).replaceAll("\\(.*", "").trim().replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
    Rule template = get(COHERENCE);
    return byId.getOrDefault("coherence/" + slug, new Rule("coherence/" + (slug.isEmpty() ? "check" : slug),
        template.severity(), "Files agree: " + checkName, template.help()));
  }
}
