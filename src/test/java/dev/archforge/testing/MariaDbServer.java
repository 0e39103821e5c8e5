package dev.archforge.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own: Debian's {@code mariadb-server} binaries (installed by
 * .ci/run), a data directory initialised in a temp folder, 127.0.0.1 and a free port, a unix socket
 * in the temp folder; stopped and removed on {@link #close()}. Without the binaries, {@link
 * Tool#MARIADB} is missing: the test is skipped, or fails under {@code CI=true}.
 */
public final class MariaDbServer implements AutoCloseable {
  public static final String USER = "root";
  private static final List<String> SERVERS = List.of("/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld");
  private static final List<String> INSTALLERS = List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");

  private final Path home;
  private final Process process;
  private final int port;

  private MariaDbServer(Path home, Process process, int port) {
    this.home = home;
    this.process = process;
    this.port = port;
  }

  public static MariaDbServer start() throws IOException, InterruptedException {
    Optional<String> server = find(SERVERS);
    Optional<String> installer = find(INSTALLERS);
    if (server.isEmpty() || installer.isEmpty()) {
      Tool.MARIADB.missing("no mariadbd and mariadb-install-db in /usr");
    }
    Path home = Files.createTempDirectory("archforge-mariadb-");
    String user = System.getProperty("user.name");
    run(List.of(installer.get(), "--no-defaults", "--datadir=" + home.resolve("data"), "--auth-root-authentication-method=normal",
        "--skip-test-db", "--user=" + user), home.resolve("install.log"));
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(server.get(), "--no-defaults", "--datadir=" + home.resolve("data"),
        "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + home.resolve("mysqld.sock"),
        "--pid-file=" + home.resolve("mysqld.pid"), "--user=" + user, "--log-error=" + home.resolve("error.log"),
        "--skip-log-bin", "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=0",
        "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve("stdout.log").toFile()).start();
    MariaDbServer db = new MariaDbServer(home, process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Connection c = db.connect("")) {
        return db;
      } catch (SQLException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          String log = Files.exists(home.resolve("error.log")) ? Files.readString(home.resolve("error.log")) : "";
          db.close();
          throw new IllegalStateException("MariaDB did not start: " + e.getMessage() + "\n" + log, e);
        }
        Thread.sleep(100);
      }
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, "");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  private static Optional<String> find(List<String> candidates) {
    return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(command.get(0) + " failed:\n" + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
