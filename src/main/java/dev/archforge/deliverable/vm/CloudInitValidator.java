package dev.archforge.deliverable.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import dev.archforge.validate.YamlSchemaDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks cloud-init user data as cloud-init itself does ({@code cloud-init schema}): the
 * {@code #cloud-config} header and the document against cloud-init's published JSON Schema
 * ({@code schema-cloud-config-v1.json} of cloud-init 22.4.2, see {@code validate/NOTICE.md}). The
 * systemd units it writes are checked line by line as systemd reads unit files: a section header,
 * a comment, a blank line, {@code Key=value} or the continuation of a line ending in a backslash, in
 * the sections {@code [Unit]}, {@code [Service]} and {@code [Install]}, with an {@code ExecStart=}
 * (tests also run {@code systemd-analyze verify} on them).
 */
final class CloudInitValidator implements Validator {
  static final Artifact.Kind KIND = new Artifact.Kind("cloud-init");
  static final String NAME = "cloud-init (schema-cloud-config-v1.json; systemd unit syntax)";
  private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9]*=.*");
  private static final Pattern SECTION = Pattern.compile("\\[(Unit|Service|Install)]");

  /** Compiled once with every subschema, so safe to share between threads. */
  private static final class Schema {
    static final JsonSchema CLOUD_CONFIG =
        YamlSchemaDocument.load("/validate/cloud-config-v1.schema.json", SpecVersion.VersionFlag.V4, true);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    String path = artifact.path();
    if (!artifact.content().startsWith("#cloud-config\n")) {
      return List.of(new Finding(path, 1, "user data must start with the line #cloud-config", NAME));
    }
    YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(artifact, NAME, "cloud-config");
    if (doc.problem() != null) {
      return List.of(doc.problem());
    }
    List<Finding> findings = new ArrayList<>(YamlSchemaDocument.schemaFindings(Schema.CLOUD_CONFIG, doc, path, NAME));
    JsonNode files = doc.tree().path("write_files");
    for (int i = 0; i < files.size(); i++) {
      JsonNode file = files.get(i);
      if (file.path("path").asText().endsWith(".service")) {
        int line = doc.lines().line("/write_files/" + i + "/content");
        unit(file.path("content").asText(), path, line, findings);
      }
    }
    return findings;
  }

  /** The unit's lines; {@code first} is the line of its {@code content:} key (the text starts below it). */
  private static void unit(String text, String path, int first, List<Finding> findings) {
    String[] lines = text.split("\n", -1);
    String section = null;
    boolean continued = false;
    boolean execStart = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int at = first + 1 + i;
      if (continued) {
        continued = line.endsWith("\\");
        continue;
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!SECTION.matcher(line).matches()) {
          findings.add(new Finding(path, at, "systemd unit: unknown section " + line, NAME));
        }
        section = line;
      } else if (!KEY_VALUE.matcher(line).matches()) {
        findings.add(new Finding(path, at, "systemd unit: expected Key=value, found: " + line, NAME));
      } else if (section == null) {
        findings.add(new Finding(path, at, "systemd unit: a setting before the first section", NAME));
      } else {
        execStart |= section.equals("[Service]") && line.startsWith("ExecStart=");
      }
      continued = line.endsWith("\\");
    }
    if (!execStart) {
      findings.add(new Finding(path, first, "systemd unit: no ExecStart= in [Service]", NAME));
    }
  }
}
