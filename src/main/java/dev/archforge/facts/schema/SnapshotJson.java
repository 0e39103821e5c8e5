package dev.archforge.facts.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** A {@link Snapshot} as deterministic JSON (two-space indents, {@code \n} line ends), and back. */
public final class SnapshotJson {
  /** Records by their components only: not {@link Table#isJoinTable()}, which derives from one. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .addMixIn(Table.class, TableComponents.class);

  @JsonIgnoreProperties({"joinTable"})
  private abstract static class TableComponents {}
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private SnapshotJson() {}

  public static String write(Snapshot snapshot) {
    try {
      return WRITER.writeValueAsString(snapshot) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema snapshot", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not a snapshot
   */
  public static Snapshot read(String json) {
    try {
      Snapshot snapshot = MAPPER.readValue(json, Snapshot.class);
      if (snapshot == null || snapshot.dialect() == null) {
        throw new IllegalArgumentException("not a schema snapshot");
      }
      return snapshot;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
    }
  }
}
