package dev.archforge.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The report for agents: {@code {"tool", "version", "failed", "summary": {files, errors, warnings,
 * notes, suppressed}, "files": [{path, kind}], "findings": [{ruleId, severity, path, line, message,
 * fix}]}}.
 */
final class JsonReport {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static String render(ReviewReport report, String prefix, Severity failOn, String version) {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "archforge review").put("version", version).put("failed", report.fails(Optional.ofNullable(failOn)));
    Summary s = Summary.of(report);
    root.putObject("summary").put("files", s.files()).put("errors", s.errors()).put("warnings", s.warnings())
        .put("notes", s.notes()).put("suppressed", s.suppressed());
    ArrayNode files = root.putArray("files");
    report.reviewed().forEach((path, kind) -> files.addObject().put("path", prefix + path).put("kind", kind));
    ArrayNode findings = root.putArray("findings");
    for (ReviewFinding f : report.findings()) {
      findings.addObject().put("ruleId", f.rule().id()).put("severity", f.rule().severity().label())
          .put("path", prefix + f.path()).put("line", f.line()).put("message", f.message()).put("fix", f.rule().help());
    }
    return write(root);
  }

  static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
