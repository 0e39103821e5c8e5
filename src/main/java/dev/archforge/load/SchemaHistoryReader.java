package dev.archforge.load;

import dev.archforge.model.SchemaHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the databases' history of an agent folder: every {@code db/<service>/migrations/*.sql} and
 * {@code *.cql}, and {@code db/<service>/schema.cql} (carried
 * into the next run byte for byte: as archforge wrote it, from its pristine copy, so that a person's
 * edit stays theirs and is merged like any other; a file archforge never wrote, as it is on disk), and
 * {@code .archforge/schema/<service>.json}, the schema those migrations produce ({@code <service>.cql.json},
 * {@code <service>.dynamodb.json}: the Cassandra or DynamoDB model).
 */
public final class SchemaHistoryReader {
  /** Where the snapshots live, relative to the agent folder. */
  public static final String SNAPSHOTS = ".archforge/schema/";
  private static final String PRISTINE = WorkspaceReader.PRISTINE;
  private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /** The history of {@code agent}; empty when the folder does not exist. */
  public SchemaHistory read(Path agent) {
    Map<String, String> migrations = new TreeMap<>();
    Map<String, String> snapshots = new TreeMap<>();
    try {
      Path db = agent.resolve("db");
      if (Files.isDirectory(db)) {
        try (Stream<Path> services = Files.list(db)) {
          for (Path service : services.filter(s -> SERVICE.matcher(s.getFileName().toString()).matches()).toList()) {
            readMigrations(agent, service.resolve("migrations"), migrations);
            read(agent, service.resolve("schema.cql"), migrations);
          }
        }
      }
      Path schemas = agent.resolve(SNAPSHOTS);
      if (Files.isDirectory(schemas)) {
        try (Stream<Path> files = Files.list(schemas)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            String name = file.getFileName().toString();
            String key = name.endsWith(".json") ? name.substring(0, name.length() - 5) : "";
            if (SERVICE.matcher(key.replaceFirst("\\.(cql|dynamodb)$", "")).matches()) {
              snapshots.put(key, Files.readString(file, StandardCharsets.UTF_8));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the migrations of " + agent + ": " + e.getMessage(), e);
    }
    return new SchemaHistory(migrations, snapshots);
  }

  private static void readMigrations(Path agent, Path folder, Map<String, String> into) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql") || f.toString().endsWith(".cql")).toList()) {
        read(agent, file, into);
      }
    }
  }

  private static void read(Path agent, Path file, Map<String, String> into) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    String relative = agent.relativize(file).toString().replace('\\', '/');
    Path pristine = agent.resolve(PRISTINE + relative);
    into.put(relative, Files.readString(Files.isRegularFile(pristine) ? pristine : file, StandardCharsets.UTF_8));
  }
}
