package dev.archforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archforge.model.NotApplicable;
import dev.archforge.pipeline.GenerateResult;
import dev.archforge.pipeline.MigrationReport;
import dev.archforge.write.FileChange;
import dev.archforge.write.FileChange.Status;
import java.io.PrintWriter;
import java.util.List;

/** How a generate run is reported: text for people, JSON for CI and agents. */
final class Summary {
  private Summary() {}

  /** Built on first use: a text summary (and an unchanged run) should not pay for Jackson. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  static void text(GenerateResult result, PrintWriter out, PrintWriter err) {
    result.warnings().forEach(w -> err.println("warning: " + w));
    for (FileChange f : result.changes().files()) {
      if (f.status() != Status.UNCHANGED) {
        out.printf("%-9s %s%s%n", f.status().name().toLowerCase(), f.path(), f.reason() == null ? "" : "  (" + f.reason() + ")");
      }
    }
    result.apiChanges().forEach(c -> out.printf("%-9s %s (%s): %s%s%n", c.breaking() ? "breaking" : "api", c.contract(),
        c.service(), c.change(), usedBy(result.report().usersOf(c))));
    for (MigrationReport m : result.migrations()) {
      long destructive = m.changes().stream().filter(MigrationReport.Change::destructive).count();
      out.println("migration " + m.path() + ": " + m.changes().size() + " change(s)"
          + (destructive > 0 ? ", " + destructive + " destructive (consented)" : ""));
    }
    long unchanged = result.changes().count(Status.UNCHANGED);
    out.println(verb(result) + " " + result.workspace() + (unchanged > 0 ? " (" + unchanged + " files unchanged)" : ""));
  }

  /** {@code  — used by frontend/src/api.ts:12}: the other agents' files that use what a change changed. */
  private static String usedBy(List<String> files) {
    return files.isEmpty() ? "" : " — used by " + String.join(", ", files);
  }

  /** What happened to the workspace, as the first words of a sentence. */
  static String verb(GenerateResult result) {
    return result.written() ? "Wrote" : result.changes().isNoOp() ? "Nothing to write in" : "Would write";
  }

  /**
   * {"workspace", "written", "files": [{"path", "status"}], "apiChanges", "warnings", "migrations",
   * "notApplicable": [{"rule", "reason"}], "errors", "exitCode"}.
   */
  static String json(GenerateResult result, List<String> errors, int exitCode) {
    return print(object(result, errors, exitCode));
  }

  /** One run's JSON object, as {@link #json} prints it. */
  static ObjectNode object(GenerateResult result, List<String> errors, int exitCode) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("exitCode", exitCode);
    if (result != null) {
      root.put("workspace", result.workspace().toString());
      root.put("written", result.written());
      ArrayNode files = root.putArray("files");
      for (FileChange f : result.changes().files()) {
        ObjectNode file = files.addObject().put("path", f.path()).put("status", f.status().name().toLowerCase());
        if (f.reason() != null) {
          file.put("reason", f.reason());
        }
        if (!f.conflicts().isEmpty()) {
          ArrayNode regions = file.putArray("conflicts");
          f.conflicts().forEach(r -> regions.addObject().put("from", r.from()).put("to", r.to()));
        }
      }
      ArrayNode apiChanges = root.putArray("apiChanges");
      result.apiChanges().forEach(c -> result.report().usersOf(c).forEach(apiChanges.addObject().put("service",
          c.service()).put("contract", c.contract()).put("change", c.change()).put("breaking", c.breaking())
          .putArray("usedBy")::add));
      ArrayNode warnings = root.putArray("warnings");
      result.warnings().forEach(warnings::add);
      migrations(root.putArray("migrations"), result.migrations());
      notApplicable(root.putArray("notApplicable"), result.notApplicable());
    } else {
      root.putArray("files");
      root.putArray("apiChanges");
      root.putArray("warnings");
      root.putArray("migrations");
      root.putArray("notApplicable");
    }
    ArrayNode errorList = root.putArray("errors");
    errors.forEach(errorList::add);
    return root;
  }

  /** {"service", "path", "changes": [{"code", "statement", "destructive"}]} for each new migration. */
  private static void migrations(ArrayNode into, List<MigrationReport> migrations) {
    for (MigrationReport m : migrations) {
      ObjectNode migration = into.addObject().put("service", m.service()).put("path", m.path());
      ArrayNode changes = migration.putArray("changes");
      m.changes().forEach(c -> changes.addObject().put("code", c.code()).put("statement", c.statement())
          .put("destructive", c.destructive()));
    }
  }

  /** {"rule", "reason"} for each check across artifacts that had nothing to check in the output. */
  static void notApplicable(ArrayNode into, List<NotApplicable> rules) {
    rules.forEach(n -> into.addObject().put("rule", n.rule()).put("reason", n.reason()));
  }

  /** An array of run objects. */
  static String json(List<ObjectNode> runs) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    array.addAll(runs);
    return print(array);
  }

  private static String print(JsonNode node) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
