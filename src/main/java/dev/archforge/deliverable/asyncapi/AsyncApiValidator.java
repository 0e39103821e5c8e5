package dev.archforge.deliverable.asyncapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.archforge.model.Artifact;
import dev.archforge.validate.Finding;
import dev.archforge.validate.Validator;
import dev.archforge.facts.YamlLines;
import dev.archforge.validate.YamlSchemaDocument;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks AsyncAPI 3.0 documents in memory: against the official AsyncAPI 3.0.0 JSON Schema
 * (draft-07, every definition bundled, see {@code validate/NOTICE.md}), then every {@code $ref}:
 * it must be local ({@code #/...}; nothing is fetched or read) and point at something in the
 * document. As {@code @asyncapi/parser} does, an operation's channel must be one of
 * {@code #/channels} and its messages must be messages of that channel.
 */
public final class AsyncApiValidator implements Validator {
  static final String SCHEMA_RESOURCE = "/validate/asyncapi-3.0.0.schema.json";
  private static final String SCHEMA = "asyncapi (json-schema)";
  private static final String REFS = "asyncapi ($ref)";

  /**
   * Compiled once per process, on first use. The AsyncAPI schema is large (bindings for every
   * protocol) and a document uses little of it, so its subschemas compile lazily; that is not safe
   * across threads, so validations against it take turns.
   */
  private static final class Schema {
    static final JsonSchema ASYNCAPI = YamlSchemaDocument.load(SCHEMA_RESOURCE, SpecVersion.VersionFlag.V7, false);
  }

  @Override
  public String name() {
    return "asyncapi";
  }

  @Override
  public boolean accepts(Artifact artifact) {
    return artifact.kind().equals(AsyncApiDeliverable.KIND);
  }

  @Override
  public List<Finding> validate(Artifact artifact) {
    String path = artifact.path();
    YamlSchemaDocument.Parsed doc = YamlSchemaDocument.read(artifact, name(), "AsyncAPI");
    if (doc.problem() != null) {
      return List.of(doc.problem());
    }
    JsonNode tree = doc.tree();
    YamlLines lines = doc.lines();
    List<Finding> findings;
    synchronized (Schema.class) {
      findings = new ArrayList<>(YamlSchemaDocument.schemaFindings(Schema.ASYNCAPI, doc, path, SCHEMA));
    }
    for (YamlSchemaDocument.Ref ref : YamlSchemaDocument.refs(tree)) {
      problem(tree, ref.value()).ifPresent(problem -> findings.add(new Finding(path, lines.line(ref.pointer()),
          ref.pointer() + ": $ref '" + ref.value() + "' " + problem, REFS)));
    }
    operations(tree, lines, path, findings);
    return List.copyOf(findings);
  }

  /** What is wrong with a reference, if anything. */
  private static Optional<String> problem(JsonNode tree, String ref) {
    if (!ref.startsWith("#")) {
      return Optional.of("points outside the document; only local references (#/...) are allowed");
    }
    String pointer = decode(ref.substring(1));
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      return Optional.of("is not a JSON Pointer (#/...)");
    }
    JsonNode target;
    try {
      target = tree.at(JsonPointer.compile(pointer));
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a JSON Pointer: " + e.getMessage());
    }
    return target.isMissingNode() ? Optional.of("does not resolve: nothing is at " + pointer)
        : Optional.empty();
  }

  /** The operation rules of AsyncAPI 3: channel under #/channels, messages of that channel. */
  private void operations(JsonNode tree, YamlLines lines, String path, List<Finding> findings) {
    JsonNode operations = tree.path("operations");
    for (Map.Entry<String, JsonNode> op : operations.properties()) {
      if (op.getValue().has("$ref") || !op.getValue().has("channel")) {
        continue; // a reference to components/operations, or a missing channel the schema reports
      }
      String at = "/operations/" + YamlSchemaDocument.escape(op.getKey());
      String channel = op.getValue().path("channel").path("$ref").asText("");
      if (!channel.startsWith("#/channels/")) {
        findings.add(new Finding(path, lines.line(at + "/channel"), at + ": the channel of an operation must be a "
            + "$ref to one of #/channels, not '" + channel + "'", name()));
        continue;
      }
      JsonNode messages = op.getValue().path("messages");
      for (int i = 0; i < messages.size(); i++) {
        String message = messages.get(i).path("$ref").asText("");
        if (!message.startsWith(channel + "/messages/")) {
          findings.add(new Finding(path, lines.line(at + "/messages/" + i), at + "/messages/" + i + ": message '"
              + message + "' is not a message of the operation's channel " + channel, name()));
        }
      }
    }
  }

  /** A URI fragment with its %XX escapes decoded as UTF-8 (RFC 6901, section 6). */
  static String decode(String fragment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < fragment.length(); ) {
      if (fragment.charAt(i) == '%' && i + 2 < fragment.length() && hex(fragment.charAt(i + 1)) >= 0
          && hex(fragment.charAt(i + 2)) >= 0) {
        bytes.write(hex(fragment.charAt(i + 1)) * 16 + hex(fragment.charAt(i + 2)));
        i += 3;
      } else {
        int cp = fragment.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
