package dev.archforge.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * How the validators read YAML that archforge generated: duplicate keys are errors, and a document
 * may be of any size. SnakeYAML's default of 3 MiB guards against hostile input; these documents
 * are ours, and their size follows the requirements, which the loader has already bounded.
 */
public final class GeneratedYaml {
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
}
