package dev.archforge.review;

import dev.archforge.validate.Finding;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each finding of generate's own validators (the deliverables' validators and the checks
 * across files) its review rule: by the validator that found it, and for the pod rules and the
 * migrations' key rules by what the finding says.
 */
final class GeneratorFindings {
  /** Validator name (its first word) → rule. */
  private static final Map<String, String> BY_VALIDATOR = Map.ofEntries(Map.entry("openapi", "openapi/valid"),
      Map.entry("asyncapi", "asyncapi/valid"), Map.entry("graphql", "graphql/valid"), Map.entry("proto", "proto/valid"),
      Map.entry("kubernetes", "k8s/valid"), Map.entry("sql", "sql/valid"), Map.entry("cql", "cql/valid"),
      Map.entry("opentofu", "terraform/valid"), Map.entry("github-workflow", "workflow/valid"),
      Map.entry("ecs", "descriptor/valid"), Map.entry("cloudrun", "descriptor/valid"),
      Map.entry("containerapps", "descriptor/valid"), Map.entry("backstage-catalog", "catalog/valid"),
      Map.entry("structurizr-dsl", "structurizr/valid"),
      Map.entry("review-check-failed", "review/check-failed"));
  /** The pod rule a pod-security finding ends with: {@code [restricted/privileged]}, {@code [archforge/probes]}. */
  private static final Pattern POD_RULE = Pattern.compile("\\s*\\[(restricted|archforge)/([a-z-]+)]$");
  private static final List<Map.Entry<Pattern, String>> SQL_RULES = List.of(
      Map.entry(Pattern.compile("^foreign key \\S+ on .* has no index that starts with"), "sql/foreign-key-without-index"),
      Map.entry(Pattern.compile("^foreign key \\S+ does not say what happens ON DELETE"), "sql/foreign-key-on-delete"));
  /** What the infrastructure validator says of a resource type it has no provider schema for: archforge's gap, not the file's. */
  private static final Pattern UNCHECKED_TYPE = Pattern.compile("no schema of its provider ships|is not in the checked-in extract");

  private final Rules rules;

  GeneratorFindings(Rules rules) {
    this.rules = rules;
  }

  ReviewFinding of(Finding finding, String path) {
    String validator = finding.validator();
    String first = validator.contains(" ") ? validator.substring(0, validator.indexOf(' ')) : validator;
    String message = finding.message();
    if (first.equals("pod-security")) {
      Matcher m = POD_RULE.matcher(message);
      if (m.find()) {
        String id = m.group(1).equals("restricted") ? "k8s/restricted/" + m.group(2) : "k8s/" + m.group(2);
        return new ReviewFinding(rules.get(id), path, finding.line(), message.substring(0, m.start()));
      }
    }
    if (first.equals("sql")) {
      for (Map.Entry<Pattern, String> rule : SQL_RULES) {
        if (rule.getKey().matcher(message).find()) {
          return new ReviewFinding(rules.get(rule.getValue()), path, finding.line(), message);
        }
      }
    }
    if (first.equals("opentofu") && UNCHECKED_TYPE.matcher(message).find()) {
      return new ReviewFinding(rules.get("terraform/unchecked"), path, finding.line(), message);
    }
    String id = BY_VALIDATOR.get(first);
    Rule rule = id != null ? rules.get(id) : rules.coherence(validator);
    return new ReviewFinding(rule, path, finding.line(), message);
  }
}
