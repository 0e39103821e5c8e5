package dev.archforge.deliverable.migrations;

import dev.archforge.testing.MariaDbServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real database server for the schema evolution tests: apply a workspace's migrations with
 * Flyway, read a schema's catalogue back in an order-free shape, start over empty.
 */
abstract class EvolutionServer implements AutoCloseable {
  abstract String database();

  abstract MigrationCheck.Target target();

  /** Removes every schema: the next migrations start on an empty server. */
  abstract void reset() throws SQLException;

  abstract Map<String, Catalogue.Table> catalogue(String schema) throws SQLException;

  @Override
  public abstract void close();

  @Override
  public String toString() {
    return database();
  }

  /** Applies every migration of the agent folder that has not run yet; the findings of Flyway. */
  List<String> migrate(Path agent) {
    return new MigrationCheck(target()).apply(agent).findings().stream().map(Object::toString).toList();
  }

  /** The catalogue with each table's columns in name order: a column added later sits last, which is no difference. */
  Map<String, Catalogue.Table> orderFree(String schema) throws SQLException {
    Map<String, Catalogue.Table> tables = new TreeMap<>();
    catalogue(schema).forEach((name, t) -> tables.put(name, new Catalogue.Table(t.name(), t.comment(),
        t.columns().stream().sorted(java.util.Comparator.comparing(Catalogue.Column::name)).toList(), t.indexes(),
        t.foreignKeys(), t.checks(), t.rowSecurity(), t.forcedRowSecurity(), t.policies())));
    return tables;
  }

  static final class Postgres extends EvolutionServer {
    private final ThrowawayPostgres server;
    private final AtomicInteger databases = new AtomicInteger();
    private String url;

    Postgres() throws Exception {
      server = ThrowawayPostgres.start();
      reset();
    }

    @Override
    String database() {
      return "postgresql";
    }

    @Override
    MigrationCheck.Target target() {
      return new MigrationCheck.Target(url, ThrowawayPostgres.USER, null);
    }

    @Override
    void reset() throws SQLException {
      String name = "evolution_" + databases.incrementAndGet();
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), ThrowawayPostgres.USER, null);
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      url = server.jdbcUrl().replace("/postgres", "/" + name);
    }

    @Override
    Map<String, Catalogue.Table> catalogue(String schema) throws SQLException {
      try (Connection c = DriverManager.getConnection(url, ThrowawayPostgres.USER, null)) {
        return Catalogue.postgres(c, schema);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }

  static final class MariaDb extends EvolutionServer {
    private final MariaDbServer server;

    MariaDb() throws Exception {
      server = MariaDbServer.start();
    }

    @Override
    String database() {
      return "mysql";
    }

    @Override
    MigrationCheck.Target target() {
      return new MigrationCheck.Target(server.jdbcUrl(""), MariaDbServer.USER, "");
    }

    @Override
    void reset() throws SQLException {
      server.dropSchemas();
    }

    @Override
    Map<String, Catalogue.Table> catalogue(String schema) throws SQLException {
      try (Connection c = server.connect("")) {
        return Catalogue.mysql(c, schema);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
