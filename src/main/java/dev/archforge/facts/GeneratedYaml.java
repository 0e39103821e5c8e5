package dev.archforge.facts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archforge.model.Artifact;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * How the validators read YAML that archforge generated: duplicate keys are errors, and a document
 * may be of any size. SnakeYAML's default of 3 MiB guards against hostile input; these documents
 * are ours, and their size follows the requirements, which the loader has already bounded.
 */
public final class GeneratedYaml {
  private static final ObjectMapper STRICT = mapper();

  /** One parse of a generated file: its tree (what Jackson returns for an empty text), or why there is none. */
  public record Tree(JsonNode node, JacksonException error) {}

  private GeneratedYaml() {}

  public static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /** A mapper that reads a generated document into a tree; duplicate keys fail. */
  public static ObjectMapper mapper() {
    return YAMLMapper.builder(factory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  }

  /**
   * The file's tree as {@link #mapper()} reads it, parsed once and kept with the artifact for every
   * validator and check that reads it ({@link Artifact#derived()}). The tree is shared, between
   * checks and threads, and Jackson's nodes are mutable: read it, never change it; a caller that
   * edits works on a {@code deepCopy()}. An error is its validator's to report.
   */
  public static Tree parse(Artifact artifact) {
    return artifact.derived().get(Tree.class, () -> read(artifact.content()));
  }

  /**
   * The text's tree, not kept: for a large document that one validator alone reads (an OpenAPI
   * document), whose tree kept with the artifact would only hold memory until the run ends.
   */
  public static Tree read(String text) {
    try {
      return new Tree(STRICT.readTree(text), null);
    } catch (JacksonException e) {
      return new Tree(null, e);
    }
  }

  /** The file's {@link #parse} tree; empty when it does not parse. */
  public static Optional<JsonNode> tree(Artifact artifact) {
    return Optional.ofNullable(parse(artifact).node());
  }

  /** The file's {@link #parse} tree, a missing node when it does not parse: for a check that reads what is there. */
  public static JsonNode node(Artifact artifact) {
    return tree(artifact).orElse(MissingNode.getInstance());
  }

  /**
   * The tree of the file at {@code path} among {@code all} (shared: read only); a missing node when
   * there is none or it does not parse (its validator reports that).
   */
  public static JsonNode node(List<Artifact> all, String path) {
    return all.stream().filter(a -> a.path().equals(path)).findFirst().map(GeneratedYaml::node)
        .orElse(MissingNode.getInstance());
  }

  /** The text's tree, not kept ({@link #read}); empty when it does not parse. */
  public static Optional<JsonNode> tree(String text) {
    return Optional.ofNullable(read(text).node());
  }
}
