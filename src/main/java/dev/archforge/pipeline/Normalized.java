package dev.archforge.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.archforge.deliverable.migrations.DataModels;
import dev.archforge.facts.Facts;
import dev.archforge.facts.schema.SnapshotJson;
import dev.archforge.model.Plan;
import dev.archforge.model.Requirements;
import dev.archforge.write.RunRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
  record Input(Requirements requirements, String blueprint, Map<String, String> decisions) {}

  static RunRecord record(Requirements requirements, Plan plan) {
    return record(requirements, plan, new java.util.TreeMap<>());
  }

  /**
   * The record of a planned run, with the schema snapshot of each service database after its
   * migrations: the run's facts, whose schemas the migrations are rendered from too.
   */
  static RunRecord record(Facts facts) {
    java.util.SortedMap<String, String> snapshots = new java.util.TreeMap<>();
    facts.schemas().evolutions().all()
        .forEach(e -> snapshots.put(e.service(), SnapshotJson.write(e.after())));
    snapshots.putAll(DataModels.of(facts).snapshots());
    return record(facts.plan().requirements(), facts.plan(), snapshots);
  }

  /** The record of a run, made on another core while the main thread renders. */
  static Pending inBackground(Facts facts) {
    return new Pending(CompletableFuture.supplyAsync(() -> record(facts)));
  }

  /** A record being made. */
  record Pending(CompletableFuture<RunRecord> future) {
    RunRecord get() {
      try {
        return future.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }

  private static RunRecord record(Requirements requirements, Plan plan, java.util.SortedMap<String, String> snapshots) {
    try {
      String text = YAML.writeValueAsString(new Input(requirements, plan.blueprint().name(), choices(plan)));
      return new RunRecord(ToolVersion.get(), sha256(text), text, snapshots);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the normalised input", e);
    }
  }

  /** topic → "choice (by rules|user)", sorted by topic by the mapper. */
  private static Map<String, String> choices(Plan plan) {
    Map<String, String> choices = new TreeMap<>();
    plan.decisions().forEach(d -> choices.put(d.topic(), d.choice() + " (" + d.origin() + ")"));
    return choices;
  }

  /** The keys whose values differ between two normalised inputs; none when there was no previous one. */
  static List<ChangeReport.InputChange> changes(String before, String after) {
    if (before.isEmpty()) {
      return List.of();
    }
    SortedMap<String, String> old = new TreeMap<>();
    SortedMap<String, String> now = new TreeMap<>();
    try {
      flatten("", YAML.readTree(before), old);
      flatten("", YAML.readTree(after), now);
    } catch (JsonProcessingException e) {
      return List.of(new ChangeReport.InputChange("(the previous normalised input is not readable)", null, ""));
    }
    Set<String> oldPrefixes = prefixes(old.keySet());
    Set<String> newPrefixes = prefixes(now.keySet());
    SortedMap<String, ChangeReport.InputChange> changes = new TreeMap<>();
    SortedSet<String> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    for (String key : keys) {
      if (!key.startsWith("requirements.") || key.matches(".*Locations(\\..*|\\[.*)?$")) {
        continue; // the decisions have their own section; where a key is written is no change
      }
      String was = old.get(key);
      String is = now.get(key);
      if (Objects.equals(was, is)) {
        continue;
      }
      // a whole new (or gone) entity, field or service is one change, not one per key below it
      String top = was == null ? shortestAbsent(key, oldPrefixes) : is == null ? shortestAbsent(key, newPrefixes) : key;
      String shown = top.startsWith("requirements.") ? top.substring("requirements.".length()) : top;
      changes.putIfAbsent(shown, top.equals(key) ? new ChangeReport.InputChange(shown, was, is)
          : new ChangeReport.InputChange(shown, was == null ? null : "…", is == null ? null : "…"));
    }
    return List.copyOf(changes.values());
  }

  private static Set<String> prefixes(Set<String> keys) {
    Set<String> prefixes = new HashSet<>();
    for (String key : keys) {
      for (int i = 0; i < key.length(); i++) {
        if (key.charAt(i) == '.' || key.charAt(i) == '[') {
          prefixes.add(key.substring(0, i));
        }
      }
      prefixes.add(key);
    }
    return prefixes;
  }

  private static String shortestAbsent(String key, Set<String> present) {
    for (int i = 0; i < key.length(); i++) {
      if ((key.charAt(i) == '.' || key.charAt(i) == '[') && !present.contains(key.substring(0, i))) {
        return key.substring(0, i);
      }
    }
    return key;
  }

  /** Scalars by dotted key; list items by their {@code name} when they have one, else by index. */
  private static void flatten(String key, JsonNode node, Map<String, String> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(key.isEmpty() ? e.getKey() : key + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        String at = item.hasNonNull("name") && item.get("name").isTextual() ? item.get("name").asText() : String.valueOf(i);
        flatten(key + "[" + at + "]", item, out);
      }
    } else {
      out.put(key, node.asText());
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
