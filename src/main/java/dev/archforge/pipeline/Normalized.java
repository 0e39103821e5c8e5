package dev.archforge.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.write.RunRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The normalised input kept in {@code .archforge/}: the requirements with every default applied,
 * and the blueprint and decisions they led to, as deterministic YAML; and its SHA-256.
 */
final class Normalized {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .addMixIn(Requirements.class, WithoutPlaces.class);

  /** Where names stand in the file is no part of what the run was made from. */
  @JsonIgnoreProperties("places")
  private interface WithoutPlaces {}

  private Normalized() {}

  /** What the run was made from, for the manifest. */
  record Input(Requirements requirements, String blueprint, java.util.Map<String, String> decisions) {}

  static RunRecord record(Requirements requirements, Plan plan) {
    try {
      String text = YAML.writeValueAsString(new Input(requirements, plan.blueprint().name(), choices(plan)));
      return new RunRecord(ToolVersion.get(), sha256(text), text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the normalised input", e);
    }
  }

  /** topic → "choice (by rules|user)", sorted by topic by the mapper. */
  private static java.util.Map<String, String> choices(Plan plan) {
    java.util.Map<String, String> choices = new java.util.TreeMap<>();
    plan.decisions().forEach(d -> choices.put(d.topic(), d.choice() + " (" + d.origin() + ")"));
    return choices;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
