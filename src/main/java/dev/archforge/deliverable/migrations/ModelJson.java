package dev.archforge.deliverable.migrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** A recorded Cassandra or DynamoDB model as deterministic JSON (two-space indents, {@code \n} line ends), and back. */
final class ModelJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ModelJson() {}

  static String write(Object model) {
    try {
      return WRITER.writeValueAsString(model) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the recorded model", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not such a model
   */
  static <T> T read(String json, Class<T> type) {
    try {
      T model = MAPPER.readValue(json, type);
      if (model == null) {
        throw new IllegalArgumentException("empty");
      }
      return model;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
    }
  }
}
