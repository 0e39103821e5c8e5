package dev.archforge.deliverable.migrations;

import dev.archforge.facts.schema.SqlNames;
import dev.archforge.validate.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.postgresql.util.PSQLException;

/**
 * Applies the migrations of a workspace to a real database with Flyway: each
 * {@code db/<service>/migrations} folder into a schema of its own (as a modular monolith runs them;
 * a service with a database of its own runs the same files), each with its own history table.
 * A statement the database refuses becomes a finding with the file and the line, refined by the
 * position PostgreSQL or the line MySQL gives within the statement.
 */
public final class MigrationCheck {
  /** Where to apply: a JDBC URL with its credentials (the password may be null). */
  public record Target(String jdbcUrl, String user, String password) {}

  /** What was applied, and what failed. */
  public record Result(List<String> applied, List<Finding> findings) {}

  private static final Pattern MYSQL_NEAR = Pattern.compile("(?s)near '(.*)' at line (\\d+)");

  private final Target target;

  public MigrationCheck(Target target) {
    this.target = target;
  }

  /** The {@code db/<service>/migrations} folders of an agent folder, by service name. */
  public static List<Path> folders(Path agent) {
    Path db = agent.resolve("db");
    if (!Files.isDirectory(db)) {
      return List.of();
    }
    try (Stream<Path> services = Files.list(db)) {
      return services.map(s -> s.resolve("migrations")).filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + db + ": " + e.getMessage(), e);
    }
  }

  /** Whether a migration of the agent folder is written for MySQL (its header says so, or it uses InnoDB). */
  public static boolean writtenForMySql(Path agent) {
    for (Path folder : folders(agent)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
          if (SqlValidator.isMySql(Files.readString(file))) {
            return true;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
      }
    }
    return false;
  }

  /** Applies every folder; stops a folder at its first failing statement and goes on with the next. */
  public Result apply(Path agent) {
    List<String> applied = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (Path folder : folders(agent)) {
      String service = folder.getParent().getFileName().toString();
      String schema = SqlNames.schema(service.replaceAll("[^A-Za-z0-9-]", "-"));
      try {
        MigrateResult result = flyway(folder, schema).migrate();
        applied.add(agent.relativize(folder) + ": " + result.migrationsExecuted + " migration(s) applied to schema "
            + schema);
      } catch (FlywayValidateException e) {
        List<Finding> refused = refused(agent, folder, schema);
        findings.addAll(refused.isEmpty() ? List.of(finding(agent, folder, e)) : refused);
      } catch (FlywayException e) {
        findings.add(finding(agent, folder, e));
      }
    }
    return new Result(applied, findings);
  }

  /**
   * Why Flyway refuses to migrate: each migration whose file no longer matches what was applied
   * (edited, renamed, deleted), with what to do about it.
   */
  private List<Finding> refused(Path agent, Path folder, String schema) {
    String at = agent.relativize(folder).toString().replace('\\', '/');
    List<Finding> findings = new ArrayList<>();
    for (ValidateOutput invalid : flyway(folder, schema).validateWithResult().invalidMigrations) {
      String file = invalid.filepath == null || invalid.filepath.isBlank()
          ? "V" + invalid.version + "__" + invalid.description.replace(' ', '_') + ".sql"
          : Path.of(invalid.filepath).getFileName().toString();
      ErrorCode code = invalid.errorDetails == null ? null : invalid.errorDetails.errorCode;
      String message;
      if (code == CoreErrorCode.CHECKSUM_MISMATCH) {
        message = file + " changed since it was applied to " + schema + " (its checksum differs from Flyway's history)."
            + " A migration that has run is never edited: put the file back as it was (version control, or"
            + " archforge's copy in .archforge/pristine/" + at + "/" + file + "), then change the requirements and"
            + " regenerate: archforge writes the difference as the next V<n>__ migration";
      } else if (code == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED) {
        message = file + " was applied to " + schema + " but is no longer in " + at + ": restore it (version control,"
            + " or .archforge/pristine/" + at + "/)";
      } else if (code == CoreErrorCode.DESCRIPTION_MISMATCH) {
        message = "V" + invalid.version + " was applied to " + schema + " under another name: give the file back the name"
            + " it had (" + invalid.errorDetails.errorMessage + ")";
      } else {
        message = invalid.errorDetails == null ? "Flyway refuses V" + invalid.version : firstLine(invalid.errorDetails.errorMessage);
      }
      findings.add(new Finding(at + "/" + file, 1, message, "flyway"));
    }
    return findings;
  }

  private Flyway flyway(Path folder, String schema) {
    return Flyway.configure(MigrationCheck.class.getClassLoader())
        .dataSource(target.jdbcUrl(), target.user(), target.password())
        .schemas(schema)
        .createSchemas(true)
        .locations("filesystem:" + folder.toAbsolutePath())
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load();
  }

  private static Finding finding(Path agent, Path folder, FlywayException e) {
    String file = agent.relativize(folder).toString().replace('\\', '/');
    int line = 0;
    if (e instanceof FlywayMigrateException m) {
      if (m.getAbsolutePathOnDisk() != null) {
        file = agent.toAbsolutePath().relativize(Path.of(m.getAbsolutePathOnDisk()).toAbsolutePath()).toString()
            .replace('\\', '/');
      } else if (m.getMigration() != null && m.getMigration().getScript() != null) {
        file = file + "/" + m.getMigration().getScript();
      }
      line = Math.max(m.getLineNumber(), 0);
    }
    Optional<FlywaySqlScriptException> script = cause(e, FlywaySqlScriptException.class);
    if (script.isPresent()) {
      line = script.get().getLineNumber() + linesBefore(script.get());
      if (script.get().getResource() != null && script.get().getResource().getAbsolutePathOnDisk() != null) {
        file = agent.toAbsolutePath().relativize(Path.of(script.get().getResource().getAbsolutePathOnDisk())
            .toAbsolutePath()).toString().replace('\\', '/');
      }
    }
    String message = cause(e, SQLException.class).map(s -> firstLine(s.getMessage()))
        .orElse(firstLine(e.getMessage()));
    return new Finding(file, line, message, "flyway");
  }

  /** Lines of the failing statement before the place the database names. */
  private static int linesBefore(FlywaySqlScriptException e) {
    String statement = e.getStatement();
    if (statement == null) {
      return 0;
    }
    Optional<PSQLException> pg = cause(e, PSQLException.class);
    if (pg.isPresent() && pg.get().getServerErrorMessage() != null) {
      int position = pg.get().getServerErrorMessage().getPosition();
      if (position > 0 && position <= statement.length() + 1) {
        return (int) statement.substring(0, position - 1).chars().filter(c -> c == '\n').count();
      }
      return 0;
    }
    Optional<SQLException> sql = cause(e, SQLException.class);
    if (sql.isPresent() && sql.get().getMessage() != null) {
      Matcher m = MYSQL_NEAR.matcher(sql.get().getMessage());
      if (m.find()) {
        return mysqlLine(statement, m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    return 0;
  }

  /**
   * MySQL and MariaDB quote the statement from the failing token on ("near '...'") and give a line
   * that may be one past it; the quoted text placed in the statement is exact, the line breaks ties.
   */
  private static int mysqlLine(String statement, String near, int reported) {
    int best = -1;
    for (int at = statement.indexOf(near); at >= 0 && !near.isEmpty(); at = statement.indexOf(near, at + 1)) {
      int line = (int) statement.substring(0, at).chars().filter(c -> c == '\n').count();
      if (best < 0 || Math.abs(line + 1 - reported) < Math.abs(best + 1 - reported) || statement.endsWith(near)
          && at + near.length() == statement.length()) {
        best = line;
      }
    }
    return best >= 0 ? best : Math.max(reported - 1, 0);
  }

  private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "failed";
    }
    return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(text).strip();
  }
}
