package dev.archforge.deliverable.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DynamoDB half of backups-reach-recovery-region: the tables of {@code db/<service>/dynamodb.json}
 * keep point-in-time recovery when the plan does ({@code continuousBackups}), every production root on
 * aws backs each table up ({@code module "backup"}'s {@code tables}) and copies the backups to exactly
 * the cell's recovery region ({@code copy_region}), and the backup module copies at all
 * ({@code copy_action}).
 */
final class TableBackups {
  private static final Pattern DYNAMO = Pattern.compile("db/[^/]+/dynamodb\\.json");
  private static final Pattern MODULE = Pattern.compile("(?m)^module \"backup\" \\{\\n((?:.*\\n)*?)}$");
  private static final Pattern TABLES = Pattern.compile("(?m)^\\s*tables\\s*=\\s*\\[([^\\]]*)]");
  private static final Pattern COPY_REGION = Pattern.compile("(?m)^\\s*copy_region\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern COPY_ACTION = Pattern.compile("(?m)^\\s*(?:dynamic \"copy_action\"|copy_action) \\{");
  static final String MODULE_PATH = InfraDeliverable.ROOT + "modules/backup/main.tf";

  /** A table of db/: the file that creates it and whether that file turns point-in-time recovery on. */
  private record Table(String path, boolean pitr) {}

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final List<Artifact> all;

  TableBackups(List<Artifact> all) {
    this.all = all;
    for (Artifact a : all) {
      if (DYNAMO.matcher(a.path()).matches()) {
        try {
          JsonNode json = new ObjectMapper().readTree(a.content());
          tables.put(json.path("table").path("TableName").asText(), new Table(a.path(), json.path("continuousBackups")
              .path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean(false)));
        } catch (java.io.IOException e) {
          // the dynamodb validator reports a file that is not JSON
        }
      }
    }
  }

  boolean any() {
    return !tables.isEmpty();
  }

  /** Whether {@code root} (a production root's text) keeps tables: it is on aws, where DynamoDB is. */
  static boolean onAws(Artifact root) {
    return root.content().contains("\nprovider \"aws\" {");
  }

  static boolean hasModule(Artifact root) {
    return MODULE.matcher(root.content()).find();
  }

  /** Tables whose point-in-time recovery is off though the plan keeps it ({@code pitr}). */
  List<Finding> recovery(boolean pitr, String why, String rule) {
    return !pitr ? List.of() : tables.entrySet().stream().filter(t -> !t.getValue().pitr())
        .map(t -> new Finding(t.getValue().path(), 1, "the table " + t.getKey() + " keeps no point-in-time recovery"
            + " (continuousBackups), but " + why, rule)).toList();
  }

  /** What the production root {@code root} lacks: a backup of each table, its copy in {@code expected} (or none). */
  List<Finding> root(Artifact root, String expected, String why, String rule) {
    List<Finding> findings = new ArrayList<>();
    Matcher module = MODULE.matcher(root.content());
    if (!module.find()) {
      findings.add(new Finding(root.path(), 1, "backs up none of the DynamoDB tables " + tables.keySet()
          + " (no module \"backup\"), but " + why, rule));
      return findings;
    }
    int line = root.content().substring(0, module.start()).split("\n", -1).length;
    Matcher listed = TABLES.matcher(module.group(1));
    String names = listed.find() ? listed.group(1) : "";
    for (String table : tables.keySet()) {
      if (!names.contains("\"" + table + "\"")) {
        findings.add(new Finding(root.path(), line, "the DynamoDB table " + table + " (" + tables.get(table).path()
            + ") is not among the tables module \"backup\" backs up, but " + why, rule));
      }
    }
    Matcher copy = COPY_REGION.matcher(module.group(1));
    String actual = copy.find() ? copy.group(1) : "";
    if (expected.equals("none") ? !actual.isEmpty() : !expected.equals(actual)) {
      findings.add(new Finding(root.path(), line, "the DynamoDB backups " + (actual.isEmpty() ? "are copied nowhere"
          : "are copied to " + actual) + " (module \"backup\", copy_region), but " + why, rule));
    }
    return findings;
  }

  /** The backup module, when a root copies: it must have a copy action, or copy_region copies nothing. */
  List<Finding> module(boolean anyCopy, String rule) {
    if (!anyCopy) {
      return List.of();
    }
    return all.stream().filter(a -> a.path().equals(MODULE_PATH) && !COPY_ACTION.matcher(a.content()).find())
        .map(a -> new Finding(a.path(), 1, "has no copy_action in its backup plan's rule, so the DynamoDB backups"
            + " reach no recovery region though a production root names one (copy_region)", rule)).toList();
  }

  /** A root's copy_region, or empty. */
  static String copyRegion(Artifact root) {
    Matcher module = MODULE.matcher(root.content());
    if (!module.find()) {
      return "";
    }
    Matcher copy = COPY_REGION.matcher(module.group(1));
    return copy.find() ? copy.group(1) : "";
  }
}
