package dev.archforge.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, the tool {@code archforge} with the metadata of
 * every rule it reports (title, help, default level), each result with its rule's id and index,
 * a relative URI and line, and a {@code partialFingerprints} entry that does not move with the line
 * (a hash of rule, file, message and how many times the same one came before), so that an alert
 * survives edits elsewhere in the file.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT = "archforgeFinding/v1";

  private SarifReport() {}

  static String render(ReviewReport report, String prefix, String version) {
    ObjectNode root = JsonReport.JSON.createObjectNode();
    root.put("$schema", SCHEMA).put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "archforge").put("semanticVersion", semantic(version));
    List<Rule> rules = report.rules();
    Map<String, Integer> index = new HashMap<>();
    ArrayNode ruleNodes = driver.putArray("rules");
    for (Rule rule : rules) {
      index.put(rule.id(), index.size());
      ObjectNode node = ruleNodes.addObject();
      node.put("id", rule.id()).put("name", name(rule.id()));
      node.putObject("shortDescription").put("text", rule.title());
      node.putObject("fullDescription").put("text", rule.title() + ".");
      node.putObject("help").put("text", rule.help()).put("markdown", "**" + rule.title() + ".** " + rule.help());
      node.putObject("defaultConfiguration").put("level", rule.severity().label());
      node.putObject("properties").putArray("tags").add("archforge").add(rule.id().substring(0, rule.id().indexOf('/')));
    }
    ArrayNode results = run.putArray("results");
    Map<String, Integer> seen = new HashMap<>();
    for (ReviewFinding f : report.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.rule().id()).put("ruleIndex", index.get(f.rule().id()))
          .put("level", f.rule().severity().label());
      result.putObject("message").put("text", f.message());
      ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", uri(prefix + f.path()));
      if (f.line() > 0) {
        location.putObject("region").put("startLine", f.line());
      }
      String identity = f.rule().id() + "\n" + prefix + f.path() + "\n" + f.message();
      int occurrence = seen.merge(identity, 1, Integer::sum);
      result.putObject("partialFingerprints").put(FINGERPRINT, sha256(identity + "\n" + occurrence));
    }
    run.put("columnKind", "unicodeCodePoints");
    return JsonReport.write(root);
  }

  /** {@code k8s/restricted/run-as-non-root} → {@code K8sRestrictedRunAsNonRoot}. */
  static String name(String id) {
    StringBuilder out = new StringBuilder();
    for (String word : id.split("[/-]")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  private static String semantic(String version) {
    return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-" + version.replaceAll("[^0-9A-Za-z-]", "-");
  }

  /** A relative URI reference: the path with what URIs cannot hold percent-encoded. */
  static String uri(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
