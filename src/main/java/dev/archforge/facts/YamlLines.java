package dev.archforge.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of each key and array item of a YAML document, by JSON Pointer, so that a finding
 * about {@code /paths/~1products/get} can name the line it is on. One streaming pass, made when
 * the first line is asked for (a valid document never pays for it); a document that does not
 * parse gives an empty index.
 */
public final class YamlLines {
  private static final YAMLFactory YAML = GeneratedYaml.factory();

  private final String yaml;
  private Map<String, Integer> lines;

  private YamlLines(String yaml) {
    this.yaml = yaml;
  }

  public static YamlLines of(String yaml) {
    return new YamlLines(yaml);
  }

  private static Map<String, Integer> index(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // A key, an array item or a value; a mapping or sequence is listed where its parent holds it.
        JsonStreamContext where = token.isStructStart() ? parser.getParsingContext().getParent()
            : parser.getParsingContext();
        String pointer = where.pathAsPointer().toString();
        if (!pointer.isEmpty()) {
          lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return lines;
  }

  /** The line of the pointer, or of its nearest ancestor that has one; 0 when none does. */
  public synchronized int line(String pointer) {
    if (lines == null) {
      lines = index(yaml);
    }
    String p = pointer == null ? "" : pointer;
    while (!p.isEmpty()) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
    return 0;
  }
}
