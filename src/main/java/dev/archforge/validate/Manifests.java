package dev.archforge.validate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archforge.facts.GeneratedYaml;
import dev.archforge.facts.YamlLines;
import dev.archforge.model.Artifact;
import java.util.ArrayList;
import java.util.List;

/**
 * The YAML documents of a manifest file ({@code ---} separated), each with the line it starts on,
 * so that a finding about {@code /spec/template/spec} in the third document names its line in the
 * file. A document that does not parse is reported once; comment-only documents are skipped.
 */
public final class Manifests {
  private static final ObjectMapper YAML = GeneratedYaml.mapper();

  private Manifests() {}

  /** One document: its tree and where its lines start in the file (0 for the first). */
  public record Doc(String path, int offset, JsonNode node, YamlLines lines) {
    /** The line in the file of a pointer into this document; the document's first line if unknown. */
    public int line(String pointer) {
      return offset + Math.max(lines.line(pointer), 1);
    }

    public String kind() {
      return node.path("kind").asText("");
    }

    public String apiVersion() {
      return node.path("apiVersion").asText("");
    }

    public String name() {
      return node.path("metadata").path("name").asText("");
    }

    public Finding finding(String pointer, String message, String validator) {
      return new Finding(path, line(pointer), message, validator);
    }
  }

  /** The documents, or the one finding that says why the file does not parse. */
  public record Parsed(List<Doc> docs, List<Finding> errors) {}

  /** The documents of the artifact, parsed once for every check that reads it; a finding names {@code validator}. */
  public static Parsed parse(Artifact artifact, String validator) {
    Parsed parsed = artifact.derived().get(Parsed.class, () -> split(artifact));
    return parsed.errors().isEmpty() ? parsed : new Parsed(parsed.docs(),
        parsed.errors().stream().map(f -> new Finding(f.path(), f.line(), f.message(), validator)).toList());
  }

  private static Parsed split(Artifact artifact) {
    List<Doc> docs = new ArrayList<>();
    List<Finding> errors = new ArrayList<>();
    String[] lines = artifact.content().split("\n", -1);
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      boolean separator = i < lines.length && (lines[i].equals("---") || lines[i].startsWith("--- "));
      if (i == lines.length || separator) {
        read(artifact.path(), start, String.join("\n", java.util.Arrays.copyOfRange(lines, start, i)), docs, errors);
        start = i + 1;
      }
    }
    return new Parsed(List.copyOf(docs), List.copyOf(errors));
  }

  /** Documents looked up by kind and name, as the checks across files need them. */
  public record Index(List<Doc> docs) {
    public Index {
      docs = List.copyOf(docs);
    }

    public List<Doc> objects(String kind) {
      return docs.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    public java.util.Optional<Doc> object(String kind, String name) {
      return docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst();
    }
  }

  /** Every document of the artifacts, parse errors dropped (the per-file validators report them). */
  public static List<Doc> all(List<Artifact> artifacts) {
    return artifacts.stream().flatMap(a -> parse(a, "").docs().stream()).toList();
  }

  private static void read(String path, int offset, String text, List<Doc> docs, List<Finding> errors) {
    try {
      JsonNode node = YAML.readTree(text);
      if (node != null && !node.isMissingNode() && !node.isNull()) {
        if (!node.isObject()) {
          errors.add(new Finding(path, offset + 1, "a manifest must be a mapping", ""));
        } else {
          docs.add(new Doc(path, offset, node, YamlLines.of(text)));
        }
      }
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      errors.add(new Finding(path, offset + (at == null ? 1 : Math.max(at.getLineNr(), 1)),
          "not valid YAML: " + e.getOriginalMessage(), ""));
    }
  }
}
