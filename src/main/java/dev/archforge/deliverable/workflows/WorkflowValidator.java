package dev.archforge.deliverable.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import dev.archforge.validate.YamlSchemaDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks GitHub Actions workflows in memory: against SchemaStore's published workflow schema
 * ({@code validate/NOTICE.md}), then archforge's secure defaults: a top-level {@code permissions}
 * block that grants no {@code write-all}, and every action pinned by a full commit SHA.
 */
final class WorkflowValidator implements Validator {
  static final String NAME = "github-workflow";
  static final String SCHEMA_RESOURCE = "/validate/github-workflow.schema.json";
  private static final Pattern PINNED = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}");

  /** Compiled once per process with every subschema, so safe to share between threads. */
  private static final class Schema {
    static final JsonSchema WORKFLOW = YamlSchemaDocument.load(SCHEMA_RESOURCE, SpecVersion.VersionFlag.V7, true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(WorkflowsDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(artifact, NAME, "GitHub workflow");
    if (doc.problem() != null) {
      return List.of(doc.problem());
    }
    List<Finding> findings = new ArrayList<>(
        YamlSchemaDocument.schemaFindings(Schema.WORKFLOW, doc, artifact.path(), NAME));
    JsonNode tree = doc.tree();
    JsonNode permissions = tree.path("permissions");
    if (!permissions.isObject() && !"read-all".equals(permissions.asText(null))) {
      findings.add(new Finding(artifact.path(), doc.lines().line(""), "no top-level permissions: the token would get"
          + " the repository's default rights; grant only what the jobs need", NAME));
    }
    for (Map.Entry<String, JsonNode> job : tree.path("jobs").properties()) {
      if ("write-all".equals(job.getValue().path("permissions").asText(null))) {
        findings.add(new Finding(artifact.path(), doc.lines().line("/jobs/" + job.getKey() + "/permissions"),
            "job " + job.getKey() + " asks for write-all permissions", NAME));
      }
      JsonNode steps = job.getValue().path("steps");
      for (int i = 0; i < steps.size(); i++) {
        String uses = steps.get(i).path("uses").asText(null);
        if (uses != null && !uses.startsWith("./") && !PINNED.matcher(uses).matches()) {
          findings.add(new Finding(artifact.path(), doc.lines().line("/jobs/" + job.getKey() + "/steps/" + i + "/uses"),
              "the action " + uses + " is not pinned by a full commit SHA", NAME));
        }
      }
    }
    return findings;
  }
}
