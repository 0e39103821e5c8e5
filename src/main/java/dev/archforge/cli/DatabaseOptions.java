package dev.archforge.cli;

import dev.archforge.deliverable.migrations.MigrationCheck;
import dev.archforge.deliverable.migrations.ThrowawayPostgres;
import dev.archforge.pipeline.ArchforgeException;
import dev.archforge.pipeline.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --db} and its connection options: apply the workspace's migrations to a real database,
 * a throwaway embedded PostgreSQL unless {@code --jdbc-url} names one. The password comes from an
 * environment variable, never from the command line.
 */
final class DatabaseOptions {
  @Option(names = "--db", description = "Also apply db/*/migrations with Flyway to a throwaway PostgreSQL "
      + "(no install needed), or to --jdbc-url, and report the file and line of a statement the database refuses.")
  boolean db;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "Apply the migrations to this database instead "
      + "(implies --db), e.g. jdbc:postgresql://localhost:5432/app or jdbc:mariadb://localhost:3306/. "
      + "Each service's migrations go into a schema named after it.")
  String jdbcUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "The user for --jdbc-url.")
  String user;

  @Option(names = "--db-password-env", paramLabel = "VAR",
      description = "The environment variable that holds the password for --jdbc-url.")
  String passwordEnv;

  boolean requested() {
    return db || jdbcUrl != null;
  }

  /** Applies the migrations of {@code agent}; empty when there are none. */
  Optional<MigrationCheck.Result> apply(Path agent, Map<String, String> env) {
    if (MigrationCheck.folders(agent).isEmpty()) {
      return Optional.empty();
    }
    if (jdbcUrl != null) {
      return Optional.of(new MigrationCheck(new MigrationCheck.Target(jdbcUrl, user, password(env))).apply(agent));
    }
    if (user != null || passwordEnv != null) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, "--db-user and --db-password-env need --jdbc-url");
    }
    if (MigrationCheck.writtenForMySql(agent)) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, "the migrations are written for MySQL and the embedded database"
          + " is PostgreSQL: pass --jdbc-url of a MySQL or MariaDB server, e.g. jdbc:mariadb://localhost:3306/");
    }
    try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
      return Optional.of(new MigrationCheck(new MigrationCheck.Target(postgres.jdbcUrl(), ThrowawayPostgres.USER, null))
          .apply(agent));
    } catch (IOException e) {
      throw new ArchforgeException(ExitCode.INTERNAL, "cannot start the embedded PostgreSQL: " + e.getMessage());
    }
  }

  private String password(Map<String, String> env) {
    if (passwordEnv == null) {
      return null;
    }
    String password = env.get(passwordEnv);
    if (password == null) {
      throw new ArchforgeException(ExitCode.BAD_INPUT, "--db-password-env names " + passwordEnv + ", which is not set");
    }
    return password;
  }
}
